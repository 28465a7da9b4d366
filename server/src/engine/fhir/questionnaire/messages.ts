// The linkId hover's labels in the product's message catalogue.

import { defineMessages, type MessageKey } from '../../../../../shared/messages';

export const questionnaireHoverMessages = defineMessages('fhir-questionnaire-hover', {
  item: { en: 'Questionnaire item', nb: 'Skjemaelement' },
  required: { en: 'required', nb: 'påkrevd' },
  repeats: { en: 'repeats', nb: 'kan gjentas' },
  options: { en: 'Answer options', nb: 'Svaralternativer' },
  'value-set': { en: 'Answers from', nb: 'Svar fra' },
  'enable-when': { en: 'Shown when', nb: 'Vises når' },
  'not-in-questionnaire': { en: "linkId '{0}' is not an item of the questionnaire {1}", nb: "linkId '{0}' er ikke et element i skjemaet {1}" },
  'questionnaire-not-found': {
    en: 'The questionnaire {0} was not found (contained, Bundle, workspace, nhn.fhir.packagePaths, ~/.fhir/packages)',
    nb: 'Skjemaet {0} ble ikke funnet (contained, Bundle, arbeidsområdet, nhn.fhir.packagePaths, ~/.fhir/packages)',
  },
});

export type QuestionnaireHoverMessage = MessageKey<typeof questionnaireHoverMessages>;
