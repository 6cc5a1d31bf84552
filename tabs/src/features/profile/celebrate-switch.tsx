import { Field, Switch } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

interface CelebrateSwitchProps {
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
}

/** Whether the team channel celebrates the person's milestones (issue #12): on unless they turn it off. */
export function CelebrateSwitch({ checked, onChange }: CelebrateSwitchProps) {
  const { t } = useTranslation();
  return (
    <Field hint={t('profile.celebrateMilestonesHint')}>
      <Switch label={t('profile.celebrateMilestones')} checked={checked} onChange={(_, d) => onChange(d.checked)} />
    </Field>
  );
}
