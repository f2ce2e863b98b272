// Every 吹哨派單 action × every kind of person, through its command (see matrix.ts).
import { runMatrix } from './matrix';

runMatrix(['report.', 'service.', 'open311.']);
