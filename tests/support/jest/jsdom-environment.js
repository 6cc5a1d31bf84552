import JSDOMEnvironment from '@jest/environment-jsdom-abstract';
import * as jsdom from 'jsdom';

// The project's own jsdom (29), not the older one jest-environment-jsdom pins: Fluent's focus trap
// (tabster) marks an open dialog aria-hidden under jsdom 26.
//
// jsdom brings no fetch, and its AbortSignal, streams and encoders are not the ones Node's fetch
// accepts. The tab's API client runs on Node's own, as in the browser it runs on the browser's.
const fromNode = [
  'fetch',
  'Request',
  'Response',
  'Headers',
  'AbortController',
  'AbortSignal',
  'ReadableStream',
  'WritableStream',
  'TransformStream',
  'TextEncoder',
  'TextDecoder',
  'structuredClone',
];

export default class JsdomWithNodeFetch extends JSDOMEnvironment {
  /** @param {import('@jest/environment').JestEnvironmentConfig} config @param {import('@jest/environment').EnvironmentContext} context */
  constructor(config, context) {
    super(config, context, jsdom);
    for (const name of fromNode) {
      if (name in globalThis) this.global[name] = globalThis[name];
    }
  }
}
