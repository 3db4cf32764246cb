// The cmi5 checker now lives in scripts/lms (shared by `coursemark verify`).
export * from '../../../../scripts/lms/cmi5-checker.js';
