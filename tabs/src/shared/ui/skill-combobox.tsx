import { useCallback, useState } from 'react';
import { Combobox, Option } from '@fluentui/react-components';
import type { ApiClient } from '../api-client';
import { suggestSkills } from '../suggest-skills';
import { useAsync } from '../use-async';
import { useDebounced } from '../use-debounced';

interface SkillComboboxProps {
  readonly api: ApiClient;
  /** The team whose own skills (its taxonomy) are offered too. */
  readonly teamId?: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** A suggestion was picked (click or Enter on an option), or Enter was pressed with the list closed. */
  readonly onCommit?: (value: string) => void;
  /** Skills not to offer again (already chosen), compared case-insensitively. */
  readonly exclude?: readonly string[];
  readonly id?: string;
  readonly debounceMs?: number;
  readonly maxLength?: number;
}

/**
 * A free-text skill field that suggests the team taxonomy's spelling while typing, so a request for
 * "js" and a profile that teaches "JavaScript" meet. Its label and errors come from the `Field` around it.
 */
export function SkillCombobox({
  api,
  teamId,
  value,
  onChange,
  onCommit,
  exclude = [],
  id,
  debounceMs = 250,
  maxLength,
}: SkillComboboxProps) {
  const [open, setOpen] = useState(false);
  const q = useDebounced(value, debounceMs);
  const load = useCallback((signal: AbortSignal) => suggestSkills(api, q, signal, teamId), [api, q, teamId]);
  const suggestions = useAsync(load);
  const taken = new Set(exclude.map((s) => s.toLowerCase()));
  const options = suggestions.status === 'success' ? suggestions.data.filter((s) => !taken.has(s.toLowerCase())) : [];
  return (
    <Combobox
      freeform
      // No chevron: there is no list to open before someone types.
      expandIcon={null}
      {...(id ? { id } : {})}
      {...(maxLength ? { maxLength } : {})}
      value={value}
      // Opened by us: suggestions arrive after typing, and an empty list should not hang open.
      open={open && options.length > 0}
      onOpenChange={(_, d) => setOpen(d.open)}
      onChange={(e) => {
        onChange(e.target.value);
        setOpen(true);
      }}
      onOptionSelect={(_, d) => {
        setOpen(false);
        if (d.optionText) {
          onChange(d.optionText);
          onCommit?.(d.optionText);
        }
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && onCommit && !(open && options.length > 0)) {
          e.preventDefault();
          onCommit(value);
        }
      }}
    >
      {options.map((option) => (
        <Option key={option}>{option}</Option>
      ))}
    </Combobox>
  );
}
