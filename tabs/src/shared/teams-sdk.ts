import { app, authentication, pages } from '@microsoft/teams-js';
import type { TeamsSdk } from './teams';

/** The real teams-js behind the seam; its own chunk, imported only where a host may be listening (see `detectHost`). */
export const teamsSdk: TeamsSdk = {
  initialize: () => app.initialize(),
  getContext: () => app.getContext(),
  registerOnThemeChangeHandler: (handler) => app.registerOnThemeChangeHandler(handler),
  notifySuccess: () => app.notifySuccess(),
  notifyFailure: (reason, message) =>
    app.notifyFailure({ reason: reason === 'auth' ? app.FailedReason.AuthFailed : app.FailedReason.Other, message }),
  getAuthToken: () => authentication.getAuthToken(),
  registerOnSaveHandler: (handler) =>
    pages.config.registerOnSaveHandler((event) =>
      handler({ succeed: () => event.notifySuccess(), fail: (reason) => event.notifyFailure(reason) }),
    ),
  setValidityState: (valid) => pages.config.setValidityState(valid),
  setConfig: (settings) => pages.config.setConfig({ ...settings }),
  openLink: (url) => app.openLink(url),
};
