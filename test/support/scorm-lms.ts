// The emulated SCORM LMS now lives in scripts/lms (shared by `coursemark verify`).
export * from '../../scripts/lms/scorm-lms.js';
