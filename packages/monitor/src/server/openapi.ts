/** The JSON API's OpenAPI 3.1 document (served at /api/openapi.json). */
const uptime = {
  type: 'object',
  required: ['24h', '7d', '30d', '90d'],
  properties: Object.fromEntries(['24h', '7d', '30d', '90d'].map((w) => [w, { type: ['number', 'null'], minimum: 0, maximum: 1 }])),
};
const failure = { type: 'object', required: ['check', 'message'], properties: { check: { type: 'string' }, message: { type: 'string' } } };
const event = {
  type: 'object',
  required: ['id', 'at', 'kind', 'message'],
  properties: { id: { type: 'integer' }, at: { type: 'integer', description: 'ms since the epoch' }, kind: { enum: ['opened', 'cause', 'note', 'closed'] }, message: { type: 'string' }, author: { type: ['string', 'null'] } },
};
const problem = { description: 'problem+json', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
const json = (ref: string, description = 'OK') => ({ description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } });

export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: { title: 'dinfra-monitor API', version: '0.1.0', description: 'Checks, uptime and incidents of the watched deployments. Reads are open; writes need the operator bearer token; pushes from other locations are HMAC-signed.' },
  paths: {
    '/api/targets': { get: { operationId: 'listTargets', summary: 'Every watched deployment with state, uptime and latest results; uptime per provider', responses: { 200: json('TargetList') } } },
    '/api/targets/{name}': {
      get: {
        operationId: 'getTarget',
        parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }, { name: 'hours', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 2160 } }],
        responses: { 200: json('TargetDetail'), 404: problem },
      },
    },
    '/api/providers': { get: { operationId: 'listProviders', responses: { 200: { description: 'OK', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Provider' } } } } } } } },
    '/api/incidents': {
      get: {
        operationId: 'listIncidents',
        parameters: [
          { name: 'open', in: 'query', schema: { enum: ['true', 'false'] } },
          { name: 'target', in: 'query', schema: { type: 'string' } },
          { name: 'provider', in: 'query', schema: { type: 'string' } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500 } },
        ],
        responses: { 200: json('IncidentList') },
      },
    },
    '/api/incidents/{id}': { get: { operationId: 'getIncident', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }], responses: { 200: json('Incident'), 400: problem, 404: problem } } },
    '/api/incidents/{id}/notes': {
      post: {
        operationId: 'addNote',
        security: [{ operator: [] }],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', additionalProperties: false, required: ['message'], properties: { message: { type: 'string', minLength: 1, maxLength: 4000 }, author: { type: 'string', minLength: 1, maxLength: 100 } } } } } },
        responses: { 201: json('IncidentEvent', 'Stored'), 400: problem, 401: problem, 404: problem },
      },
    },
    '/api/results': {
      post: {
        operationId: 'pushResults',
        summary: 'Results from another probe location (headers x-dinfra-location, x-dinfra-timestamp, x-dinfra-signature: sha256=HMAC(secret, timestamp.body))',
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['location', 'results'], properties: { location: { type: 'string' }, results: { type: 'array', maxItems: 1000, items: { $ref: '#/components/schemas/CheckResult' } } } } } } },
        responses: { 202: { description: 'Accepted' }, 400: problem, 401: problem },
      },
    },
  },
  components: {
    securitySchemes: { operator: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Problem: { type: 'object', required: ['title', 'status', 'detail'], properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' } } },
      Uptime: uptime,
      Failure: failure,
      CheckResult: {
        type: 'object',
        required: ['target', 'location', 'at', 'status', 'failures', 'latencies'],
        properties: {
          target: { type: 'string' },
          location: { type: 'string' },
          at: { type: 'integer' },
          status: { enum: ['up', 'degraded', 'down'] },
          failures: { type: 'array', items: { $ref: '#/components/schemas/Failure' } },
          best: { type: 'integer' },
          finalized: { type: 'integer' },
          headLag: { type: 'integer' },
          finalityLag: { type: 'integer' },
          latencies: { type: 'object', additionalProperties: { type: 'number' }, description: 'ms per probe method' },
        },
      },
      Target: {
        type: 'object',
        required: ['name', 'url', 'provider', 'kind', 'state', 'degradedFrom', 'uptime', 'openIncident', 'locations'],
        properties: {
          name: { type: 'string' },
          url: { type: 'string' },
          provider: { type: 'string' },
          kind: { enum: ['node', 'rpc-endpoint'] },
          subscription: { type: ['string', 'null'] },
          active: { type: 'boolean' },
          state: { enum: ['up', 'degraded', 'down', 'unknown'] },
          degradedFrom: { type: 'array', items: { type: 'string' }, description: 'locations failing without a quorum' },
          uptime: { $ref: '#/components/schemas/Uptime' },
          openIncident: { type: ['object', 'null'], properties: { id: { type: 'integer' }, cause: { type: 'string' }, openedAt: { type: 'integer' } } },
          locations: {
            type: 'array',
            description: 'the latest result of each location',
            items: { type: 'object', required: ['location', 'at', 'status', 'failures', 'latencies'], properties: { location: { type: 'string' }, at: { type: 'integer' }, status: { enum: ['up', 'degraded', 'down'] }, failures: { type: 'array', items: { $ref: '#/components/schemas/Failure' } }, best: { type: 'integer' }, finalized: { type: 'integer' }, headLag: { type: 'integer' }, finalityLag: { type: 'integer' }, latencies: { type: 'object', additionalProperties: { type: 'number' } } } },
          },
        },
      },
      Provider: { type: 'object', required: ['name', 'uptime', 'targets', 'down'], properties: { name: { type: 'string' }, uptime: { $ref: '#/components/schemas/Uptime' }, targets: { type: 'integer' }, down: { type: 'integer' } } },
      TargetList: { type: 'object', required: ['targets', 'providers'], properties: { targets: { type: 'array', items: { $ref: '#/components/schemas/Target' } }, providers: { type: 'array', items: { $ref: '#/components/schemas/Provider' } } } },
      TargetDetail: {
        allOf: [
          { $ref: '#/components/schemas/Target' },
          {
            type: 'object',
            required: ['series', 'hourly', 'bars', 'incidents'],
            properties: {
              series: { type: 'array', items: { type: 'object', properties: { at: { type: 'integer' }, latencyMs: { type: ['number', 'null'] }, headLag: { type: ['integer', 'null'] }, status: { type: 'string' } } } },
              hourly: { type: 'array', items: { type: 'object' } },
              bars: { type: 'array', items: { type: 'object', properties: { day: { type: 'integer' }, uptime: { type: ['number', 'null'] }, incidents: { type: 'integer' } } } },
              incidents: { type: 'array', items: { $ref: '#/components/schemas/Incident' } },
            },
          },
        ],
      },
      IncidentEvent: event,
      Incident: {
        type: 'object',
        required: ['id', 'target', 'provider', 'check', 'severity', 'cause', 'openedAt', 'closedAt', 'timeline'],
        properties: {
          id: { type: 'integer' },
          target: { type: 'string' },
          provider: { type: 'string' },
          check: { type: 'string' },
          severity: { enum: ['down', 'degraded'] },
          cause: { type: 'string' },
          openedAt: { type: 'integer' },
          closedAt: { type: ['integer', 'null'] },
          timeline: { type: 'array', items: { $ref: '#/components/schemas/IncidentEvent' } },
        },
      },
      IncidentList: { type: 'object', required: ['incidents'], properties: { incidents: { type: 'array', items: { $ref: '#/components/schemas/Incident' } } } },
    },
  },
} as const;
