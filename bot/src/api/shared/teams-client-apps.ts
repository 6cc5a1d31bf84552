/**
 * The Microsoft client apps that request Teams SSO tokens for a tab, as listed by Microsoft for
 * "authorized client applications" (learn.microsoft.com: microsoftteams/platform/tabs/how-to/
 * authentication/tab-sso-register-aad). A token's `azp` (v2) or `appid` (v1) must be one of them
 * (or of `ALLOWED_CLIENT_APPS`), so a token some other app obtained for our API is refused.
 */
export const TEAMS_AND_M365_CLIENT_APPS: Readonly<Record<string, string>> = {
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264': 'Teams desktop and mobile',
  '5e3ce6c0-2b1f-4285-8d4b-75ee78787346': 'Teams web',
  '4765445b-32c6-49b0-83e6-1d93765276ca': 'Microsoft 365 web',
  '0ec893e0-5785-4de6-99da-4ed124e5296c': 'Microsoft 365 desktop',
  'd3590ed6-52b3-4102-aeff-aad2292ab01c': 'Microsoft 365 mobile and Outlook desktop',
  'bc59ab01-8403-45c6-8796-ac3ef710b3e3': 'Outlook web',
  '27922004-5251-4030-b22d-91ecd9a37ea4': 'Outlook mobile',
};
