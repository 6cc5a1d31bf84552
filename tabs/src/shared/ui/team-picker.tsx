import { Field, Select } from '@fluentui/react-components';
import type { MeTeam } from '../../../../bot/src/api/contract';

/** The team choice of a view outside any channel; shown only when the person is in more than one team. */
export function TeamPicker({
  teams,
  teamId,
  onChoose,
  label,
  className,
  orientation = 'vertical',
}: {
  readonly teams: readonly MeTeam[];
  readonly teamId: string;
  readonly onChoose: (teamId: string) => void;
  readonly label: string;
  readonly className?: string | undefined;
  readonly orientation?: 'horizontal' | 'vertical' | undefined;
}) {
  if (teams.length < 2) return null;
  return (
    <Field label={label} className={className} orientation={orientation}>
      <Select value={teamId} onChange={(_, d) => onChoose(d.value)}>
        {teams.map((team) => (
          <option key={team.teamId} value={team.teamId}>
            {team.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
