import type { CsvWords } from '../../domain/insights/insights-csv-tables';
import { t } from '../shared/i18n';

/** The insights CSV files' header words from the `insights:` catalogue, for the domain's CSV tables. */
export const csvWords: CsvWords = (locale, word) => t(locale, `insights:csv_${word}`);
