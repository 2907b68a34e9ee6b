// The same declarations from CommonJS: `require('kupas')` as a .cts file compiles it.
import kupas = require('kupas');

const result: kupas.Analysis = kupas.analyze('Presiden tiba di Jakarta.', { offsets: 'codepoints' });
const corpus: kupas.Corpus = kupas.analyzeCorpus(['Ia pulang.', 'Ia pergi.']);
const codes: kupas.ErrorCode[] = ['invalid_text', 'invalid_options', 'text_too_large', 'not_initialized'];

export = [result.sentences.length, corpus.documents.length, codes, kupas.version(), kupas.init()];
