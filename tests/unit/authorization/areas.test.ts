// Every 建設共管 action (areas, claims, care logs, volunteer teams) × every kind of person, through its command (see matrix.ts).
import { runMatrix } from './matrix';

runMatrix(['area.', 'team.']);
