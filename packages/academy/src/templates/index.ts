export { labTemplates } from './lab-templates';
export type { LabTemplates, LanguageTemplates, StepCode, TemplateOptions } from './types';
