// The strict SCORM data-model rules now live in scripts/lms (shared by `coursemark verify`).
export * from '../../../../scripts/lms/strict-lms-rules.js';
