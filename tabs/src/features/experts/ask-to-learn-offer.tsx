import { useState } from 'react';
import { Button, Link, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { askToLearn } from '../../shared/ask-to-learn';
import type { ApiClient } from '../../shared/api-client';
import { errorMessageKey, errorMessageValues } from '../../shared/error-message';
import { hrefFor } from '../../shared/routes';

interface AskToLearnOfferProps {
  readonly api: ApiClient;
  readonly teamId: string;
  /** What was searched for: the skill to ask for. */
  readonly skill: string;
}

type AskState =
  { readonly kind: 'idle' | 'busy' } | { readonly kind: 'created' | 'voted' } | { readonly kind: 'failed'; readonly error: unknown };

/**
 * An empty expert search (issue #12): "ask to learn this" opens a learning request for the team, or
 * +1s the open one for the same skill; the answer says which, and links to the board that shows it.
 * The API decides who may (members of the team); its refusal is shown as it words it.
 */
export function AskToLearnOffer({ api, teamId, skill }: AskToLearnOfferProps) {
  const { t } = useTranslation();
  const [state, setState] = useState<AskState>({ kind: 'idle' });
  const ask = async () => {
    setState({ kind: 'busy' });
    try {
      setState({ kind: await askToLearn(api, teamId, skill) });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };
  if (state.kind === 'created' || state.kind === 'voted')
    return (
      <MessageBar intent="success" role="status">
        <MessageBarBody>
          {t(state.kind === 'created' ? 'experts.askCreated' : 'experts.askVoted', { skill })}{' '}
          <Link href={hrefFor({ name: 'board' })}>{t('experts.askSeeBoard')}</Link>
        </MessageBarBody>
      </MessageBar>
    );
  return (
    <>
      <Button appearance="primary" disabled={state.kind === 'busy'} onClick={() => void ask()}>
        {state.kind === 'busy' ? t('experts.asking') : t('experts.askToLearn', { skill })}
      </Button>
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
