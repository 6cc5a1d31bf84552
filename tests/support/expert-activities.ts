import { personalInvoke } from './activities';
import type { ActivityUser } from './activities';

/** A Teams `composeExtension/query` invoke for the findExpert command, as Teams sends it. */
export function findExpertInvoke(
  serviceUrl: string,
  query: string | undefined,
  options: { tenantId?: string; from?: ActivityUser; skip?: unknown; count?: unknown; locale?: string; commandId?: string } = {},
) {
  const value = {
    commandId: options.commandId ?? 'findExpert',
    parameters: query === undefined ? [{ name: 'initialRun', value: 'true' }] : [{ name: 'query', value: query }],
    queryOptions: { skip: options.skip ?? 0, count: options.count ?? 10 },
  };
  return personalInvoke(serviceUrl, 'composeExtension/query', value, { ...options, source: 'compose' });
}

/** A Teams `composeExtension/selectItem` invoke: the user picked a result; `value` is its preview's `tap.value`. */
export function selectExpertInvoke(
  serviceUrl: string,
  value: unknown,
  options: { tenantId?: string; from?: ActivityUser; locale?: string } = {},
) {
  return personalInvoke(serviceUrl, 'composeExtension/selectItem', value, { ...options, source: 'compose' });
}

export interface ComposeResult {
  readonly composeExtension: {
    readonly type: 'result' | 'message';
    readonly text?: string;
    readonly attachmentLayout?: string;
    readonly attachments?: readonly {
      readonly contentType: string;
      /** A ThumbnailCard (title, text) in a query's list; an Adaptive Card (body, actions) after selectItem. */
      readonly content: {
        readonly title?: string;
        readonly text?: string;
        readonly body?: readonly { readonly text?: string }[];
        readonly actions?: readonly { readonly title: string; readonly url: string }[];
      };
      readonly preview?: {
        readonly contentType: string;
        readonly content: {
          readonly title: string;
          readonly text?: string;
          readonly tap?: { readonly type: string; readonly value: unknown };
        };
      };
    }[];
  };
}

/** The card titles (the person's name is the heading) of a result, in order. */
export const resultNames = (result: ComposeResult): string[] =>
  (result.composeExtension.attachments ?? []).map((a) => a.preview?.content.title ?? '');
