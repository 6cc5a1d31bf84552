import { jest } from '@jest/globals';

// Tests and their hooks (an Azurite, a service, a Chromium start) on a busy 2-core machine.
jest.setTimeout(180_000);
