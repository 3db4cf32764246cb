/**
 * The most UTF-16 code units of a shared reflection that the player accepts and resume keeps: the
 * worst case of every course's resume state must fit SCORM 1.2's suspend_data (rule resume-budget).
 */
export const REFLECTION_MAX = 500;
