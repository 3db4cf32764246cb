import { css } from 'lit';

export const questionStyles = css`
  :host {
    display: block;
  }
  .box {
    padding: 1rem 1.25rem;
    border: 1px solid var(--cm-border);
    border-radius: var(--cm-radius);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  legend {
    padding: 0;
    inline-size: 100%;
  }
  .kicker {
    display: block;
    color: var(--cm-muted);
    font-size: 0.875rem;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .prompt {
    display: block;
    font-weight: 600;
    margin-block-end: 0.75rem;
  }
  .prompt > :last-child {
    margin-block-end: 0;
  }
  .options,
  .matches {
    display: grid;
    gap: 0.5rem;
  }
  .option {
    display: flex;
    align-items: flex-start;
    gap: 0.6rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--cm-border);
    border-radius: var(--cm-radius);
  }
  .option:has(input:checked) {
    border-color: var(--cm-link);
    box-shadow: inset 0 0 0 1px var(--cm-link);
  }
  .option input {
    flex: none;
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0.2rem 0 0;
    accent-color: var(--cm-control-accent);
  }
  .option label {
    flex: 1;
    min-inline-size: 0;
    cursor: pointer;
  }
  .text-answer label,
  .match label {
    display: block;
    font-weight: 600;
    margin-block-end: 0.25rem;
  }
  .input-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  input[type='text'],
  select {
    min-block-size: 2.75rem;
    max-inline-size: 100%;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--cm-border);
    border-radius: var(--cm-radius);
    background: var(--cm-bg);
  }
  input[type='text'] {
    inline-size: 20rem;
  }
  input.numeric {
    inline-size: 10rem;
  }
  select {
    inline-size: 100%;
  }
  input[aria-invalid='true'] {
    border: 2px solid var(--cm-danger);
  }
  .error {
    color: var(--cm-danger);
    margin: 0.25rem 0 0;
  }
  .sequence {
    display: grid;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .step {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--cm-border);
    border-radius: var(--cm-radius);
  }
  .position {
    flex: none;
    font-weight: 700;
    min-inline-size: 1.5em;
  }
  .step-text {
    flex: 1 1 10rem;
    min-inline-size: 0;
  }
  .moves {
    display: flex;
    gap: 0.5rem;
  }
  .move {
    min-block-size: 2.5rem;
    padding: 0.25rem 0.6rem;
    font-weight: 500;
    font-size: 0.9375rem;
  }
  .actions {
    margin-block-start: 1rem;
  }
  .notice {
    margin: 0.5rem 0 0;
  }
  /* Live regions stay rendered (display: none would drop them from the accessibility tree and
     silence the next announcement); an empty one simply takes no space. */
  .notice:empty {
    margin: 0;
  }
  .verdict {
    margin-block-start: 1rem;
    padding: 0.75rem 1rem;
    border: 1px solid var(--cm-border);
    border-inline-start: 6px solid var(--cm-border);
    border-radius: var(--cm-radius);
  }
  .verdict.correct {
    border-inline-start-color: var(--cm-success);
  }
  .verdict.incorrect {
    border-inline-start-color: var(--cm-danger);
  }
  .verdict-line {
    margin: 0 0 0.25rem;
  }
  .correct .mark {
    color: var(--cm-success);
  }
  .incorrect .mark {
    color: var(--cm-danger);
  }
  .verdict > :last-child {
    margin-block-end: 0;
  }
  .hint {
    color: var(--cm-muted);
    margin: 0.5rem 0 0;
  }
`;
