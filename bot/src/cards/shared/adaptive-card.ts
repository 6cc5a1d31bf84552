import type { CardVerb } from '../../domain/shared/card-verbs';

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
  readonly color?: 'default' | 'accent' | 'good' | 'warning' | 'attention';
  readonly maxLines?: number;
}

export interface Fact {
  readonly title: string;
  readonly value: string;
}

interface FactSet {
  readonly type: 'FactSet';
  readonly facts: readonly Fact[];
}

interface Container {
  readonly type: 'Container';
  readonly items: readonly CardElement[];
  readonly style?: 'default' | 'emphasis' | 'accent' | 'good' | 'attention' | 'warning';
  readonly bleed?: boolean;
}

export type CardElement = TextBlock | FactSet | Container | ColumnSet | ActionSet | CardInput;

// Sessions: layout, inputs and Universal Actions.
interface Column {
  readonly type: 'Column';
  readonly width?: 'auto' | 'stretch' | string;
  readonly items: readonly CardElement[];
  readonly verticalContentAlignment?: 'top' | 'center' | 'bottom';
}

export interface ColumnSet {
  readonly type: 'ColumnSet';
  readonly columns: readonly Column[];
  readonly spacing?: 'none' | 'small' | 'default' | 'medium' | 'large';
}

interface ActionSet {
  readonly type: 'ActionSet';
  readonly actions: readonly CardAction[];
}

interface InputBase {
  readonly id: string;
  readonly label?: string;
  readonly isRequired?: boolean;
  readonly errorMessage?: string;
}

interface InputText extends InputBase {
  readonly type: 'Input.Text';
  readonly value?: string;
  readonly placeholder?: string;
  readonly isMultiline?: boolean;
  readonly maxLength?: number;
}

interface InputNumber extends InputBase {
  readonly type: 'Input.Number';
  readonly value?: number;
  readonly min?: number;
  readonly max?: number;
  readonly placeholder?: string;
}

interface InputDate extends InputBase {
  readonly type: 'Input.Date';
  readonly value?: string;
}

interface InputTime extends InputBase {
  readonly type: 'Input.Time';
  readonly value?: string;
}

interface InputToggle extends InputBase {
  readonly type: 'Input.Toggle';
  readonly title: string;
  readonly value?: 'true' | 'false';
}

export interface Choice {
  readonly title: string;
  readonly value: string;
}

interface InputChoiceSet extends InputBase {
  readonly type: 'Input.ChoiceSet';
  readonly choices: readonly Choice[];
  readonly value?: string;
  readonly style?: 'compact' | 'expanded';
  readonly isMultiSelect?: boolean;
  readonly placeholder?: string;
}

type CardInput = InputText | InputNumber | InputDate | InputTime | InputToggle | InputChoiceSet;

/** Universal Action: Teams sends an `adaptiveCard/action` invoke with this verb and data. */
export interface ExecuteAction {
  readonly type: 'Action.Execute';
  readonly title: string;
  /** One the bot has a handler for: a card cannot offer a button nothing answers. */
  readonly verb: CardVerb;
  readonly data?: Readonly<Record<string, unknown>>;
  readonly style?: 'default' | 'positive' | 'destructive';
  readonly associatedInputs?: 'auto' | 'none';
}

/** A plain submit (task modules answer these with `task/submit`; `msteams.type: 'task/fetch'` opens a dialog). */
interface SubmitData {
  readonly type: 'Action.Submit';
  readonly title: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly style?: 'default' | 'positive' | 'destructive';
}

interface CardRefresh {
  readonly action: { readonly type: 'Action.Execute'; readonly verb: CardVerb; readonly data?: Readonly<Record<string, unknown>> };
  readonly userIds: readonly string[];
}

interface SubmitImBack {
  readonly type: 'Action.Submit';
  readonly title: string;
  readonly data: { readonly msteams: { readonly type: 'imBack'; readonly value: string } };
}

export interface OpenUrl {
  readonly type: 'Action.OpenUrl';
  readonly title: string;
  readonly url: string;
}

export type CardAction = SubmitImBack | OpenUrl | ExecuteAction | SubmitData;

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  readonly version: '1.5';
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardAction[];
  readonly refresh?: CardRefresh;
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

export const heading = (text: string): TextBlock => ({
  type: 'TextBlock',
  text,
  size: 'large',
  weight: 'bolder',
  wrap: true,
  style: 'heading',
});
export const paragraph = (text: string, subtle = false): TextBlock => ({
  type: 'TextBlock',
  text,
  wrap: true,
  ...(subtle ? { isSubtle: true } : {}),
});
export const imBack = (title: string, value: string): SubmitImBack => ({
  type: 'Action.Submit',
  title,
  data: { msteams: { type: 'imBack', value } },
});
