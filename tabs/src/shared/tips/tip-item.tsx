import { Body1, Button, Caption1, Card, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { TipView } from '../../../../bot/src/api/contract';
import { usePersonName } from '../person-name';
import { safeWebUrl } from '../safe-url';
import { SkillTags } from '../ui/skill-tags';

const useStyles = makeStyles({
  card: { height: '100%', gap: tokens.spacingVerticalS },
  title: { margin: 0, overflowWrap: 'anywhere' },
  body: { margin: 0, whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM, marginTop: 'auto' },
});

interface TipItemProps {
  readonly tip: TipView;
  readonly locale: string;
  readonly timeZone?: string | undefined;
  /** Shorter text on the board; the whole tip on the tips page. */
  readonly compact?: boolean;
  /** Shown when the caller may remove the tip. */
  readonly onDelete?: (() => void) | undefined;
  readonly deleting?: boolean;
}

/** One tip: title, text, skills, who shared it and when, and its link (http(s) only). */
export function TipItem({ tip, locale, timeZone, compact = false, onDelete, deleting = false }: TipItemProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const name = usePersonName();
  const link = safeWebUrl(tip.link);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) }).format(new Date(tip.createdAt));
  const body = compact && tip.body.length > 160 ? `${tip.body.slice(0, 159)}…` : tip.body;
  return (
    <Card className={styles.card} data-testid="tip-item">
      <Text as="h3" weight="semibold" size={400} className={styles.title}>
        {tip.title}
      </Text>
      {body ? (
        <Body1 as="p" className={styles.body}>
          {body}
        </Body1>
      ) : null}
      <SkillTags skills={tip.skills} />
      <Caption1 className={styles.meta}>
        {t('tips.by', { name: name(tip.author, { unknown: t('tips.someone') }) })}
        {' · '}
        <time dateTime={tip.createdAt}>{date}</time>
      </Caption1>
      {link || (onDelete && tip.canDelete) ? (
        <div className={styles.actions}>
          {link ? (
            <Link href={link} target="_blank" rel="noopener noreferrer" aria-label={t('tips.openLinkLabel', { title: tip.title })}>
              {t('tips.openLink')}
            </Link>
          ) : null}
          {onDelete && tip.canDelete ? (
            <Button
              size="small"
              appearance="subtle"
              disabled={deleting}
              onClick={onDelete}
              aria-label={t('tips.deleteLabel', { title: tip.title })}
            >
              {t('tips.delete')}
            </Button>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
