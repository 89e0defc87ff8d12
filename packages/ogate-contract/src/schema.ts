/* Generated from packages/ogate-contract/openapi.yaml by `pnpm --filter @dinfra/ogate-contract generate`. Do not edit. */

export interface paths {
    "/v1/deployments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The desired set, or what changed since a revision (optionally long-polled).
         * @description Without `since`: every deployment the token may see (present ones and absent ones
         *     still within the retention period), `complete: true`.
         *     With `since`: the deployments whose revision is greater than `since`, `complete:
         *     false`; when `since` is older than what OGate still remembers, the whole set with
         *     `complete: true` (the reactor then replaces its view). With `wait` (seconds), the
         *     call returns as soon as something newer than `since` exists, or after `wait` seconds
         *     with an empty list.
         */
        get: operations["listDeployments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deployments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One deployment. */
        get: operations["getDeployment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deployments/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Report what the reactor did; OGate puts it on chain exactly once.
         * @description `202` when a new report was queued in the outbox; `200` when the chain already
         *     reflects this state (or an identical report is already queued): no new extrinsic.
         *     `409` when `generation` is not the deployment's current generation or the
         *     deployment is absent.
         */
        put: operations["reportStatus"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deployments/{id}/terminate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The provider ends a subscription (`Subscriptions.terminate` by the operator). */
        post: operations["terminateDeployment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/{reportId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where a report is on its way to the chain. */
        get: operations["getReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Server-Sent Events of deployment changes, resumable.
         * @description Each change is an event `deployment` whose `id:` is its revision and whose `data:` is
         *     the Deployment JSON. On connect with `Last-Event-ID` (or `since`), every change
         *     after that revision is sent first; when that revision is no longer remembered, an
         *     event `resync` (data `{ "revision": N }`) tells the reactor to list the whole set.
         *     A comment line is sent every 15 s as a heartbeat.
         */
        get: operations["streamEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/provider": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The provider OGate serves, its offerings, and the chain it follows. */
        get: operations["getProvider"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness (the process serves HTTP). */
        get: operations["healthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness (connected to the node and the cursor is at the finalized head). */
        get: operations["readyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document. */
        get: operations["getOpenApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics. */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        DeploymentId: string;
        TypeName: string;
        /** @description A balance in planck (u128), as a decimal string. */
        Balance: string;
        Endpoint: string;
        /**
         * @description The subscription's status on chain.
         * @enum {string}
         */
        ChainState: "awarded" | "provisioning" | "running" | "degraded" | "terminated";
        Deployment: {
            id: components["schemas"]["DeploymentId"];
            type: components["schemas"]["TypeName"];
            /** @description Counts the awards of this subscription to this provider, from 1. */
            generation: number;
            /** @enum {string} */
            desired: "present" | "absent";
            state: components["schemas"]["ChainState"];
            endpoints: components["schemas"]["Endpoint"][];
            /** @description The descriptor document, verified against its CID and validated against its type's schema, with `secrets` removed. */
            descriptor: Record<string, never>;
            descriptorCid?: string;
            /** @description The opened secrets (name -> plaintext). Only served on authenticated endpoints; never logged. */
            secrets: {
                [key: string]: string;
            };
            billing: components["schemas"]["Billing"];
            /** @description SS58 address */
            subscriber: string;
            /** @description Block of the award. */
            awardedAt: number;
            /** @description Why it is absent (termination reason or lost award), when it is. */
            reason?: string | null;
            /** @description The revision of the last change of this deployment (any field). */
            revision: number;
            /** @description The revision of the last change a reactor acts on (a new award, `desired`, the descriptor). A status-only change (chain `state`, `endpoints`, `billing`, `reason`, e.g. the reactor's own report landing) bumps `revision` but not this: a reactor need not reconcile its backend for it. */
            specRevision: number;
        };
        Billing: {
            pricePerBlock: components["schemas"]["Balance"];
            deposit: components["schemas"]["Balance"];
            remaining: components["schemas"]["Balance"];
            expiresAt: number | null;
        };
        DeploymentList: {
            /** @description The newest revision OGate has (pass it as `since` next time). */
            revision: number;
            /** @description true when `deployments` is the whole set (replace the view), false when it holds changes only. */
            complete: boolean;
            deployments: components["schemas"]["Deployment"][];
        };
        /** @description One of three shapes, told apart by `state`: `running` carries its endpoints (1 to 8), `failed` its reason, `provisioning` and `degraded` neither endpoints nor a required reason. */
        StatusReportRequest: components["schemas"]["ProgressReport"] | components["schemas"]["RunningReport"] | components["schemas"]["FailedReport"];
        ProgressReport: {
            generation: components["schemas"]["Generation"];
            /** @enum {string} */
            state: "provisioning" | "degraded";
            reason?: components["schemas"]["ReportReason"];
        };
        RunningReport: {
            generation: components["schemas"]["Generation"];
            /** @enum {string} */
            state: "running";
            /** @description The endpoints the deployment serves (1 to 8). */
            endpoints: components["schemas"]["Endpoint"][];
            reason?: components["schemas"]["ReportReason"];
        };
        FailedReport: {
            generation: components["schemas"]["Generation"];
            /** @enum {string} */
            state: "failed";
            reason: components["schemas"]["ReportReason"];
        };
        Generation: number;
        /** @description Why (required for `failed`, where at most 256 UTF-8 bytes go on chain; ignored otherwise). */
        ReportReason: string;
        TerminateRequest: {
            reason: string;
        };
        ReportAccepted: {
            /** @description null when nothing needs to go on chain */
            reportId: string | null;
            status: components["schemas"]["ReportStatus"];
        };
        /** @enum {string} */
        ReportStatus: "queued" | "submitted" | "in-block" | "finalized" | "failed" | "reflected";
        Report: {
            reportId: string;
            deploymentId: components["schemas"]["DeploymentId"];
            generation: number;
            /** @enum {string} */
            kind: "provisioning" | "running" | "degraded" | "failed" | "terminate";
            endpoints?: components["schemas"]["Endpoint"][];
            reason?: string | null;
            status: components["schemas"]["ReportStatus"];
            extrinsicHash?: string | null;
            blockHash?: string | null;
            blockNumber?: number | null;
            /** @description The decoded dispatch error when the call failed on chain. */
            error?: {
                pallet?: string;
                name: string;
                docs?: string;
            } | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt?: string;
        };
        Offering: {
            type: components["schemas"]["TypeName"];
            capacity: number;
            used: number;
            pricePerBlock: components["schemas"]["Balance"];
            regions: string[];
            open: boolean;
        };
        BlockRef: {
            number: number;
            hash: string;
        };
        Provider: {
            /** @description SS58 address of the provider */
            account: string;
            /** @description SS58 address OGate signs with */
            operator: string;
            name: string;
            apiUrl?: string;
            /** @enum {string} */
            status: "active" | "paused" | "unregistered";
            offerings: components["schemas"]["Offering"][];
            cursor: components["schemas"]["BlockRef"];
            finalized: components["schemas"]["BlockRef"];
            /** @description Finalized blocks not yet processed. */
            headLag: number;
            chain: {
                name: string;
                genesisHash: string;
                /** @description The node RPC URL OGate uses. */
                rpcUrl: string;
                tokenSymbol: string;
                tokenDecimals: number;
                ss58Format: number;
            };
        };
        Health: {
            /** @enum {string} */
            status: "ok" | "unavailable";
            checks?: {
                [key: string]: string;
            };
        } & {
            [key: string]: unknown;
        };
        Problem: {
            /** @description A URI reference naming the problem (e.g. urn:dinfra:ogate:stale-generation) */
            type: string;
            title: string;
            status: number;
            detail?: string;
            instance?: string;
            /** @description Validation errors, one per field. */
            errors?: {
                path: string;
                message: string;
            }[];
        } & {
            [key: string]: unknown;
        };
    };
    responses: {
        /** @description The request does not match the contract. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No token, or a bad or expired one. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The token does not cover this deployment type. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such deployment or report for this provider. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The report does not apply to the deployment's current generation or state. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description The subscription id (u64, decimal). */
        DeploymentId: components["schemas"]["DeploymentId"];
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listDeployments: {
        parameters: {
            query?: {
                /** @description Only deployments of this type (must be one of the token's types). */
                type?: components["schemas"]["TypeName"];
                since?: number;
                /** @description Long-poll for at most this many seconds (needs `since`). */
                wait?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deployments. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeploymentList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getDeployment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The subscription id (u64, decimal). */
                id: components["parameters"]["DeploymentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deployment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deployment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    reportStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The subscription id (u64, decimal). */
                id: components["parameters"]["DeploymentId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StatusReportRequest"];
            };
        };
        responses: {
            /** @description Already reflected or already queued. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportAccepted"];
                };
            };
            /** @description Queued. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportAccepted"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    terminateDeployment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The subscription id (u64, decimal). */
                id: components["parameters"]["DeploymentId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TerminateRequest"];
            };
        };
        responses: {
            /** @description Already terminated or a termination is already queued. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportAccepted"];
                };
            };
            /** @description Queued. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportAccepted"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    getReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                reportId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Report"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    streamEvents: {
        parameters: {
            query?: {
                type?: components["schemas"]["TypeName"];
                since?: number;
            };
            header?: {
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event stream. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getProvider: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The provider. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Provider"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    healthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    readyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Not ready. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    getOpenApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Metrics in the Prometheus text format. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
}
