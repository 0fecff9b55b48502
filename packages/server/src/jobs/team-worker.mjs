// Worker-thread entry of a ThreadTeam member (see thread-team.ts). Registers tsx like the job pool's workers.
import { register } from 'tsx/esm/api';

register();
await import('./team-member.ts');
