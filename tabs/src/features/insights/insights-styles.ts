import { makeStyles, tokens } from '@fluentui/react-components';

/** The look the Insights sections share: a heading row with its CSV button, and wide content that scrolls in place. */
export const useInsightsStyles = makeStyles({
  // Positioned, so the visually hidden texts inside (absolutely placed) stay inside the section and its scroll boxes.
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0, position: 'relative' },
  headingRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0 },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
  // At 360 px a chart or the matrix is wider than the screen: it scrolls here, the page never does.
  scroller: { overflowX: 'auto', maxWidth: '100%', minWidth: 0, position: 'relative' },
  table: {
    borderCollapse: 'collapse',
    minWidth: '100%',
    '& th, & td': {
      textAlign: 'start',
      paddingBlock: tokens.spacingVerticalXS,
      paddingInline: tokens.spacingHorizontalS,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      whiteSpace: 'nowrap',
    },
    '& caption': { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, paddingBlockEnd: tokens.spacingVerticalXS },
  },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  muted: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
    border: 0,
  },
  error: { margin: 0, color: tokens.colorPaletteRedForeground1 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});
