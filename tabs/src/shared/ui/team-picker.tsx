import { Label, Select, makeStyles, mergeClasses, tokens, useId } from '@fluentui/react-components';
import type { MeTeam } from '../../../../bot/src/api/contract';

// A Label and a Select, not a Field: the board shows this picker in its first paint, and Field's code
// would add ≈ 3 KB gzip to the board's initial JS (issue #16).
const useStyles = makeStyles({
  vertical: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  horizontal: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

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
  const styles = useStyles();
  const selectId = useId('team-picker');
  if (teams.length < 2) return null;
  return (
    <div className={mergeClasses(styles[orientation], className)}>
      <Label htmlFor={selectId}>{label}</Label>
      <Select id={selectId} value={teamId} onChange={(_, d) => onChoose(d.value)}>
        {teams.map((team) => (
          <option key={team.teamId} value={team.teamId}>
            {team.name}
          </option>
        ))}
      </Select>
    </div>
  );
}
