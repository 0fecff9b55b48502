// Hash routes: the server only has to serve index.html at '/', and a reload keeps the page.
//
//   #/data               data sets
//   #/data/<id>[?tab=T]  one data set (T: columns, preview, profile, clean)
//   #/train[?dataset=ID] train a model
//   #/predict[?model=ID] predict with a model
//   #/models             model registry
//   #/explore[?dataset=ID] explore a data set
//   #/sql                read-only SQL over data sets
//   #/forecast[?dataset=ID] forecast time series
//   #/monitor            drift and performance of served models
//   #/anomalies[?dataset=ID] anomalous rows of a data set
//   #/audit              the audit log
//   #/academy            the Academy: curriculum and labs
//   #/academy/lessons/<id> one lesson of the curriculum
//   #/academy/labs/<id>  one lab's story, goals and steps (its progress panel then follows the learner)

export type Route =
  | { page: 'data' }
  | { page: 'dataset'; id: string; tab?: string }
  | { page: 'train'; datasetId?: string }
  | { page: 'predict'; modelId?: string }
  | { page: 'models' }
  | { page: 'explore'; datasetId?: string }
  | { page: 'sql' }
  | { page: 'forecast'; datasetId?: string }
  | { page: 'monitor' }
  | { page: 'anomalies'; datasetId?: string }
  | { page: 'audit' }
  | { page: 'academy' }
  | { page: 'lesson'; id: string }
  | { page: 'lab'; id: string };

export type Page = Route['page'];

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '').replace(/^\/+/, '');
  const [path = '', query = ''] = raw.split('?', 2);
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean);
  switch (parts[0]) {
    case 'data': {
      if (!parts[1]) return { page: 'data' };
      const tab = params.get('tab');
      return tab ? { page: 'dataset', id: decode(parts[1]), tab } : { page: 'dataset', id: decode(parts[1]) };
    }
    case 'train': {
      const datasetId = params.get('dataset');
      return datasetId ? { page: 'train', datasetId } : { page: 'train' };
    }
    case 'predict': {
      const modelId = params.get('model');
      return modelId ? { page: 'predict', modelId } : { page: 'predict' };
    }
    case 'models':
      return { page: 'models' };
    case 'explore': {
      const datasetId = params.get('dataset');
      return datasetId ? { page: 'explore', datasetId } : { page: 'explore' };
    }
    case 'sql':
      return { page: 'sql' };
    case 'forecast': {
      const datasetId = params.get('dataset');
      return datasetId ? { page: 'forecast', datasetId } : { page: 'forecast' };
    }
    case 'monitor':
      return { page: 'monitor' };
    case 'anomalies': {
      const datasetId = params.get('dataset');
      return datasetId ? { page: 'anomalies', datasetId } : { page: 'anomalies' };
    }
    case 'audit':
      return { page: 'audit' };
    case 'academy': {
      if (parts[1] === 'lessons' && parts[2]) return { page: 'lesson', id: decode(parts[2]) };
      if (parts[1] === 'labs' && parts[2]) return { page: 'lab', id: decode(parts[2]) };
      return { page: 'academy' };
    }
    default:
      return { page: 'data' };
  }
}

export function href(route: Route): string {
  switch (route.page) {
    case 'data':
      return '#/data';
    case 'dataset':
      return `#/data/${encodeURIComponent(route.id)}${route.tab ? `?tab=${encodeURIComponent(route.tab)}` : ''}`;
    case 'train':
      return route.datasetId ? `#/train?dataset=${encodeURIComponent(route.datasetId)}` : '#/train';
    case 'predict':
      return route.modelId ? `#/predict?model=${encodeURIComponent(route.modelId)}` : '#/predict';
    case 'models':
      return '#/models';
    case 'explore':
      return route.datasetId ? `#/explore?dataset=${encodeURIComponent(route.datasetId)}` : '#/explore';
    case 'sql':
      return '#/sql';
    case 'forecast':
      return route.datasetId ? `#/forecast?dataset=${encodeURIComponent(route.datasetId)}` : '#/forecast';
    case 'monitor':
      return '#/monitor';
    case 'anomalies':
      return route.datasetId ? `#/anomalies?dataset=${encodeURIComponent(route.datasetId)}` : '#/anomalies';
    case 'audit':
      return '#/audit';
    case 'academy':
      return '#/academy';
    case 'lesson':
      return `#/academy/lessons/${encodeURIComponent(route.id)}`;
    case 'lab':
      return `#/academy/labs/${encodeURIComponent(route.id)}`;
  }
}
