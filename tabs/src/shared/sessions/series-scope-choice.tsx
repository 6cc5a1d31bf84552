import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { SessionChangeScope } from '../../../../bot/src/api/contract';

interface SeriesScopeChoiceProps {
  readonly value: SessionChangeScope;
  readonly onChange: (scope: SessionChangeScope) => void;
  readonly disabled?: boolean;
}

/** For an occurrence of a series: change only this session, or it and every later one (plan form and cancel dialog). */
export function SeriesScopeChoice({ value, onChange, disabled = false }: SeriesScopeChoiceProps) {
  const { t } = useTranslation();
  return (
    <Field label={t('detail.seriesScope')}>
      <RadioGroup
        value={value}
        disabled={disabled}
        onChange={(_, data) => onChange(data.value === 'following' ? 'following' : 'one')}
        data-testid="series-scope"
      >
        <Radio value="one" label={t('detail.seriesOne')} />
        <Radio value="following" label={t('detail.seriesFollowing')} />
      </RadioGroup>
    </Field>
  );
}
