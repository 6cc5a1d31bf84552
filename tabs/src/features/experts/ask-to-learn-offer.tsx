import { useState } from 'react';
import { Button, Link, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { UnknownSkillView } from '../../../../bot/src/api/contract';
import { askToLearn, viewedTeamId } from '../../shared/ask-to-learn';
import { ApiRequestError } from '../../shared/api-client';
import type { ApiClient } from '../../shared/api-client';
import { errorMessageKey, errorMessageValues } from '../../shared/error-message';
import type { KeyValueStore } from '../../shared/local-store';
import { hrefFor } from '../../shared/routes';
import { SkillQuestions } from '../../shared/ui/skill-questions';

interface AskToLearnOfferProps {
  readonly api: ApiClient;
  /** The channel's team inside Teams; elsewhere the team the person last chose (or their first). */
  readonly teamId?: string | undefined;
  readonly store?: KeyValueStore | undefined;
  /** What was searched for: the skill to ask for. */
  readonly skill: string;
}

type AskState =
  | { readonly kind: 'idle' | 'busy' | 'noTeam' }
  | { readonly kind: 'created' | 'voted'; readonly skill: string }
  | { readonly kind: 'question'; readonly question: UnknownSkillView }
  | { readonly kind: 'failed'; readonly error: unknown };

/**
 * One ask in a team. A skill PeerLearn does not know comes back as the question to put ("did you mean
 * Docker?"); with nothing close, the click itself named it, so it is asked again as a new skill.
 */
async function askIn(api: ApiClient, team: string, name: string, asNew: boolean): Promise<AskState> {
  try {
    return { kind: await askToLearn(api, team, name, asNew), skill: name };
  } catch (error) {
    const question = error instanceof ApiRequestError && error.code === 'unknownSkill' ? error.unknownSkills[0] : undefined;
    if (!question || asNew) throw error;
    if (question.suggestions.length > 0) return { kind: 'question', question };
    return { kind: await askToLearn(api, team, name, true), skill: name };
  }
}

/**
 * An empty expert search (issue #12): "ask to learn this" opens a learning request for the team, or
 * +1s the open one for the same skill; the answer says which, and links to the board that shows it.
 * A skill PeerLearn does not know goes through the same taxonomy as every other: close to a known one,
 * the person picks ("did you mean Docker?"); nothing close, the click itself named it, so it is kept
 * as new. The API decides who may (members of the team); its refusal is shown as it words it.
 */
export function AskToLearnOffer({ api, teamId, store, skill }: AskToLearnOfferProps) {
  const { t } = useTranslation();
  const [state, setState] = useState<AskState>({ kind: 'idle' });
  const ask = async (name: string, asNew = false) => {
    setState({ kind: 'busy' });
    try {
      const team = teamId ?? (await viewedTeamId(api, store));
      setState(team ? await askIn(api, team, name, asNew) : { kind: 'noTeam' });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };
  if (state.kind === 'created' || state.kind === 'voted')
    return (
      <MessageBar intent="success" role="status">
        <MessageBarBody>
          {t(state.kind === 'created' ? 'experts.askCreated' : 'experts.askVoted', { skill: state.skill })}{' '}
          <Link href={hrefFor({ name: 'board' })}>{t('experts.askSeeBoard')}</Link>
        </MessageBarBody>
      </MessageBar>
    );
  if (state.kind === 'question')
    return (
      <SkillQuestions
        questions={[state.question]}
        onUse={(_, name) => void ask(name)}
        onKeep={(question) => void ask(question.skill, true)}
      />
    );
  return (
    <>
      <Button appearance="primary" disabled={state.kind === 'busy'} onClick={() => void ask(skill)}>
        {state.kind === 'busy' ? t('experts.asking') : t('experts.askToLearn', { skill })}
      </Button>
      {state.kind === 'noTeam' ? (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{t('experts.askNoTeam')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.kind === 'failed' ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {t('experts.askFailed')} {t(`common.errors.${errorMessageKey(state.error)}`, errorMessageValues(state.error))}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
