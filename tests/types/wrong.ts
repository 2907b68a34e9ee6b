// Mistakes the declarations must reject: tests/js/types.test.mjs checks that tsc fails with
// exactly the error marked on each line (`// error TSnnnn`), and nowhere else.
import { analyze, analyzeCorpus } from 'kupas';
import type { EntityLabel, ErrorCode, Options } from 'kupas';

const result = analyze('Ia pulang.', { tokenz: true }); // error TS2561
analyze(42); // error TS2345
analyzeCorpus('Ia pulang.'); // error TS2345
const options: Options = { language: 'fr' }; // error TS2322
const label: EntityLabel = 'PERSONS'; // error TS2820
const code: ErrorCode = 'out_of_memory'; // error TS2322
const count: number = result.tokens.length; // error TS18048
const value: string = result.entities[0]!.value; // error TS2322

export const used = [options, label, code, count, value];
