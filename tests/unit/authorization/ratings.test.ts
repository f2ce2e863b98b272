// Every ratings action × every kind of person, through its command (see matrix.ts).
import { runMatrix } from './matrix';

runMatrix(['rating.']);
