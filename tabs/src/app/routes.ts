/**
 * The tab's URLs. The manifest points at these; keep them stable.
 *
 *   Channel tab (configurable)
 *     configurationUrl  {TAB_ENDPOINT}/config            → the config page (pages.config save handler)
 *     contentUrl        {TAB_ENDPOINT}/#/board           → the team's board (team from the Teams context)
 *     entityId          peerlearn-board-<teamId>         → set by the config page
 *   Personal tab "My learning"
 *     contentUrl        {TAB_ENDPOINT}/?view=my-learning (also `#/my-learning`)
 *   Views inside the tab (hash routes, so the service only ever serves index.html)
 *     #/board                              the team knowledge board (the default for `/` and unknown hashes)
 *     #/experts?q=<query>                  expert search
 *     #/sessions/<teamId>/<sessionId>      session detail
 *     #/sessions/<teamId>/<sessionId>/edit edit a session
 *     #/plan/<teamId>                      plan a new session
 *     #/tips                               tips and training material: search, share (the board shows the newest)
 *     #/profile                            my profile and skills
 *     #/my-learning                        my upcoming sessions across my teams, my skills
 *     #/open                               sessions of all teams open to everyone (searchable)
 *     #/insights                           insights: goals, participation, feedback, skills matrix, quiet members (owners), pulse
 *     #/settings                           team settings
 *     #/buddies[/<teamId>]                 the latest learning-buddy round (also `?view=buddies`)
 *   Public pages (no sign-in, no API call; the manifest's privacyUrl and termsOfUseUrl)
 *     {TAB_ENDPOINT}/?view=privacy (also `#/privacy`)  the privacy statement
 *     {TAB_ENDPOINT}/?view=terms   (also `#/terms`)    the terms of use
 *   Deep links (e.g. from cards): https://teams.microsoft.com/l/entity/<appId>/<entityId>?context=
 *     {"subEntityId":"sessions/<teamId>/<sessionId>"} — the subPageId is a hash route without `#/`.
 *
 * The code lives in shared/routes.ts (features link to routes too; they never import app/).
 */
export * from '../shared/routes';
