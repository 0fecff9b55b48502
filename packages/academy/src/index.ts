/**
 * Quarry Academy: the curriculum and labs as data, shared by the server and the web app. The labs, their seeded
 * data generators and their automatic checkpoints come with the Academy issue; the curriculum outline is here
 * so the studio can already show where each capability is taught.
 */
export interface Module {
  id: string;
  title: string;
  topics: string[];
}

export const CURRICULUM: readonly Module[] = [
  {
    id: 'fundamentals',
    title: 'Fundamentals',
    topics: ['tables and types', 'train/test split', 'metrics', 'baselines'],
  },
  {
    id: 'cleaning-eda',
    title: 'Cleaning & exploration',
    topics: ['missing values', 'outliers', 'profiles', 'leakage'],
  },
  {
    id: 'modelling',
    title: 'Feature engineering & modelling',
    topics: ['pipelines', 'encoding and scaling inside folds', 'cross-validation', 'tuning'],
  },
  {
    id: 'advanced',
    title: 'Advanced topics',
    topics: ['class imbalance', 'text: bag of words, TF-IDF, topics', 'time series', 'anomaly detection'],
  },
];
