import { Field, Switch } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

interface ProfileSwitchesProps {
  /** Milestone cards about the person in the team channel: on unless they turn it off. */
  readonly celebrateMilestones: boolean;
  /** A personal message when someone asks to learn a skill they teach: on unless they turn it off. */
  readonly requestAlerts: boolean;
  readonly onChange: (change: { celebrateMilestones: boolean } | { requestAlerts: boolean }) => void;
}

/** What PeerLearn may tell about the person, and tell them (issue #12): one switch each, with what it means. */
export function ProfileSwitches({ celebrateMilestones, requestAlerts, onChange }: ProfileSwitchesProps) {
  const { t } = useTranslation();
  return (
    <>
      <Field hint={t('profile.requestAlertsHint')}>
        <Switch label={t('profile.requestAlerts')} checked={requestAlerts} onChange={(_, d) => onChange({ requestAlerts: d.checked })} />
      </Field>
      <Field hint={t('profile.celebrateMilestonesHint')}>
        <Switch
          label={t('profile.celebrateMilestones')}
          checked={celebrateMilestones}
          onChange={(_, d) => onChange({ celebrateMilestones: d.checked })}
        />
      </Field>
    </>
  );
}
