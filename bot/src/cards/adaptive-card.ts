/** The small, typed subset of Adaptive Cards 1.5 that PeerLearn's builders use. */

export interface TextBlock {
  readonly type: 'TextBlock';
  readonly text: string;
  readonly wrap?: boolean;
  readonly size?: 'small' | 'default' | 'medium' | 'large' | 'extraLarge';
  readonly weight?: 'lighter' | 'default' | 'bolder';
  readonly isSubtle?: boolean;
  readonly spacing?: 'none' | 'small' | 'default' | 'medium' | 'large';
  readonly style?: 'default' | 'heading';
}

export interface Fact {
  readonly title: string;
  readonly value: string;
}

export interface FactSet {
  readonly type: 'FactSet';
  readonly facts: readonly Fact[];
}

export interface Container {
  readonly type: 'Container';
  readonly items: readonly CardElement[];
  readonly style?: 'default' | 'emphasis' | 'accent' | 'good' | 'attention' | 'warning';
  readonly bleed?: boolean;
}

export type CardElement = TextBlock | FactSet | Container;

export interface SubmitImBack {
  readonly type: 'Action.Submit';
  readonly title: string;
  readonly data: { readonly msteams: { readonly type: 'imBack'; readonly value: string } };
}

export interface OpenUrl {
  readonly type: 'Action.OpenUrl';
  readonly title: string;
  readonly url: string;
}

export type CardAction = SubmitImBack | OpenUrl;

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  readonly version: '1.5';
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardAction[];
}

export function adaptiveCard(body: readonly CardElement[], actions: readonly CardAction[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

export const heading = (text: string): TextBlock => ({ type: 'TextBlock', text, size: 'large', weight: 'bolder', wrap: true, style: 'heading' });
export const paragraph = (text: string, subtle = false): TextBlock => ({ type: 'TextBlock', text, wrap: true, ...(subtle ? { isSubtle: true } : {}) });
export const imBack = (title: string, value: string): SubmitImBack => ({ type: 'Action.Submit', title, data: { msteams: { type: 'imBack', value } } });
