// Palette and typography: one colour and one shape per category, the sign
// colours, the font, and the schema's predicates as a fallback.

export const FONT = 'system-ui, -apple-system, "Segoe UI", "Liberation Sans", "DejaVu Sans", sans-serif';
export const MINUS = '\u2212';

// One colour and one shape per category, so that the legend reads without
// colour vision too. Curated categories first; the text's own structure
// (review, sections, passages, studies, concerns) in greys.
export const CATEGORIES = {
  Drug: { color: '#f28e2b', shape: 'hexagon', label: 'Drug' },
  Mechanism: { color: '#4e79a7', shape: 'ellipse', label: 'Mechanism' },
  BrainRegion: { color: '#9c755f', shape: 'diamond', label: 'Brain region' },
  BrainNetwork: { color: '#b07aa1', shape: 'octagon', label: 'Brain network' },
  Disorder: { color: '#e15759', shape: 'round-rectangle', label: 'Disorder' },
  Symptom: { color: '#ff9da7', shape: 'vee', label: 'Symptom' },
  Outcome: { color: '#59a14f', shape: 'star', label: 'Outcome' },
  Therapy: { color: '#76b7b2', shape: 'pentagon', label: 'Therapy' },
  SafetyRisk: { color: '#edc948', shape: 'rhomboid', label: 'Safety risk' },
  Population: { color: '#86bcd9', shape: 'heptagon', label: 'Population' },
  Study: { color: '#59595f', shape: 'rectangle', label: 'Study' },
  CitationConcern: { color: '#b3261e', shape: 'triangle', label: 'Citation concern' },
  Review: { color: '#2b2b2b', shape: 'rectangle', label: 'Review' },
  Section: { color: '#9a9a9a', shape: 'rectangle', label: 'Section' },
  Passage: { color: '#c9c9c9', shape: 'round-rectangle', label: 'Passage' },
};
const UNKNOWN_CATEGORY = { color: '#999999', shape: 'ellipse', label: 'Other' };
export const LEXICAL_CATEGORIES = new Set(['Review', 'Section', 'Passage', 'Study', 'CitationConcern']);

export const SIGN_COLORS = { INCREASES: '#1a7f37', DECREASES: '#c4262e', NONE: '#7d8590' };

// The Predicate enum of the schema, used until (or if) the `predicates`
// root query answers.
export const FALLBACK_PREDICATES = [
  ['AFFECTS', true, true], ['CORRELATED_WITH', true, true], ['STUDIED_TO_TREAT', false, true],
  ['HAS_ADVERSE_EVENT', false, true], ['LOCATED_IN', false, true], ['PART_OF', false, true],
  ['HAS_PART', false, true], ['CONSIDERED_FOR', false, true], ['ASSOCIATED_WITH', false, true],
  ['HAS_SECTION', false, false], ['HAS_PASSAGE', false, false], ['HAS_REFERENCE', false, false],
  ['CITES', false, false], ['MENTIONS', false, false], ['FLAGS', false, false],
].map(([predicate, signed, curated]) => ({ predicate, signed, curated, biolink: '' }));

export const categoryStyle = (c) => CATEGORIES[c] ?? UNKNOWN_CATEGORY;
