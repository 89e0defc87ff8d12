// Preload for the papi CLI on Node 20 (no global WebSocket): `node --import ./ws-global.mjs papi ...`.
import WebSocket from 'ws';

globalThis.WebSocket ??= WebSocket;
