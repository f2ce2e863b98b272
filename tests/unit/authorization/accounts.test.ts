// Every accounts action × every kind of person, through its command (see matrix.ts).
import { runMatrix } from './matrix';

runMatrix(['account.', 'residency.', 'org.', 'department.', 'community.', 'street.', 'site.', 'audit.', 'jobs.']);
