import { jest } from '@jest/globals';

// Tests and hooks that start an Azurite child and the service: on a 2-core machine kept busy by other
// processes an Azurite start alone was measured at over 30 s, and a service start waits for it.
jest.setTimeout(120_000);
