// Worker-thread entry for the job pool. Workers do not inherit the parent's TypeScript loader when the
// parent registered it programmatically, so each worker registers tsx itself before loading the task code.
import { register } from 'tsx/esm/api';

register();
const { runTask } = await import('./run-task.ts');

export default runTask;
