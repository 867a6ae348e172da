// @ts-check
/* global HTMLElement, HTMLInputElement, HTMLSelectElement */
import { h, replaceChildren } from '../dom.js';

/**
 * @typedef {import('./types.js').Command} Command
 * @typedef {import('./types.js').CommandOption} CommandOption
 * @typedef {{ members: { id: string, name: string }[], channels: { id: string, name: string }[], roles: { id: string, name: string }[] }} Directory
 * @typedef {{ name: string, subcommand?: string, options: Record<string, string | number | boolean> }} Invocation
 */

/**
 * A field for one option, named as Discord shows it (`user:`, `reason:`), with pickers
 * for members, channels and roles as the Discord client offers them.
 * @param {CommandOption} option
 * @param {Directory} directory
 */
function renderOption(option, directory) {
  const dataset = { option: option.name, type: option.type };
  /** @type {HTMLElement} */
  let control;
  const empty = h('option', { value: '' }, option.required ? 'Choose…' : '—');
  if (option.choices.length) control = h('select', { className: 'd-field', dataset }, empty, option.choices.map((c) => h('option', { value: String(c.value) }, c.name)));
  else if (option.type === 'user') control = h('select', { className: 'd-field', dataset }, empty, directory.members.map((m) => h('option', { value: m.id }, m.name)));
  else if (option.type === 'channel') control = h('select', { className: 'd-field', dataset }, empty, directory.channels.map((c) => h('option', { value: c.id }, `#${c.name}`)));
  else if (option.type === 'role') control = h('select', { className: 'd-field', dataset }, empty, directory.roles.map((r) => h('option', { value: r.id }, `@${r.name}`)));
  else if (option.type === 'boolean') control = h('select', { className: 'd-field', dataset }, empty, h('option', { value: 'true' }, 'True'), h('option', { value: 'false' }, 'False'));
  else if (option.type === 'integer' || option.type === 'number') control = h('input', { className: 'd-field', type: 'number', step: option.type === 'integer' ? '1' : 'any', min: option.min ?? undefined, max: option.max ?? undefined, dataset, placeholder: option.description });
  else control = h('input', { className: 'd-field', type: 'text', dataset, placeholder: option.description });
  return h('label', { className: `d-option${option.required ? ' required' : ''}`, title: option.description }, h('span', { className: 'd-option-name' }, `${option.name}:`), control);
}

/**
 * @param {HTMLElement} form
 * @param {CommandOption[]} options
 * @returns {Record<string, string | number | boolean>}
 */
function readOptions(form, options) {
  /** @type {Record<string, string | number | boolean>} */
  const values = {};
  for (const option of options) {
    const control = form.querySelector(`[data-option="${option.name}"]`);
    if (!(control instanceof HTMLInputElement || control instanceof HTMLSelectElement) || control.value === '') continue;
    const raw = control.value;
    const chosen = option.choices.find((c) => String(c.value) === raw);
    values[option.name] = chosen ? chosen.value : option.type === 'boolean' ? raw === 'true' : option.type === 'integer' || option.type === 'number' ? Number(raw) : raw;
  }
  return values;
}

/**
 * Discord's message bar: text is posted as the member's message; "/" opens the list of
 * Tandem's commands this member may use, and a picked command shows its options to fill.
 * @param {{ onPost: (text: string) => Promise<void>, onCommand: (invocation: Invocation) => Promise<void> }} handlers
 */
export function createCommandBar(handlers) {
  /** @type {Command[]} */
  let commands = [];
  /** @type {Directory} */
  let directory = { members: [], channels: [], roles: [] };
  /** @type {Command | null} */
  let active = null;
  let highlighted = 0;
  /** @type {Command[]} */
  let shown = [];

  const popup = h('div', { className: 'd-popup', hidden: true, dataset: { testid: 'discord-commands' } });
  const form = h('form', { className: 'd-command-form', hidden: true, dataset: { testid: 'discord-command-form' } });
  const input = h('textarea', { className: 'd-input', rows: 1, dataset: { testid: 'discord-composer' }, 'aria-label': 'Message' });

  const close = () => {
    active = null;
    form.hidden = true;
    input.hidden = false;
    input.value = '';
    input.focus();
  };

  /** @param {Command} command */
  const open = (command) => {
    active = command;
    popup.hidden = true;
    input.hidden = true;
    const subSelect = command.subcommands.length ? h('select', { className: 'd-field d-sub', dataset: { testid: 'discord-subcommand' } }, command.subcommands.map((s) => h('option', { value: s.name }, s.name))) : null;
    const fields = h('div', { className: 'd-options' });
    const drawFields = () => {
      const sub = command.subcommands.find((s) => s.name === subSelect?.value);
      const options = sub ? sub.options : command.options;
      replaceChildren(fields, [...options].sort((a, b) => Number(b.required) - Number(a.required)).map((o) => renderOption(o, directory)));
    };
    subSelect?.addEventListener('change', drawFields);
    drawFields();
    replaceChildren(
      form,
      h('div', { className: 'd-command-head' }, h('span', { className: 'd-command-name' }, `/${command.name}`), subSelect, h('span', { className: 'd-command-description' }, command.description), h('button', { type: 'button', className: 'd-x', 'aria-label': 'Cancel', onClick: close }, '×')),
      fields,
      h('div', { className: 'd-command-actions' }, h('button', { type: 'submit', className: 'd-button primary', dataset: { testid: 'discord-command-send' } }, 'Send')),
    );
    form.hidden = false;
    const first = form.querySelector('.d-field');
    if (first instanceof HTMLElement) first.focus();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!active) return;
    const sub = active.subcommands.find((s) => s.name === /** @type {HTMLSelectElement | null} */ (form.querySelector('.d-sub'))?.value);
    const options = readOptions(form, sub ? sub.options : active.options);
    const invocation = { name: active.name, ...(sub ? { subcommand: sub.name } : {}), options };
    close();
    void handlers.onCommand(invocation);
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });

  const update = () => {
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight, 160)}px`;
    const typing = /^\/(\S*)$/.exec(input.value);
    const slash = commands.filter((c) => c.kind === 'slash');
    shown = typing ? slash.filter((c) => c.name.startsWith(typing[1] ?? '')) : [];
    highlighted = Math.min(highlighted, Math.max(shown.length - 1, 0));
    if (!shown.length) {
      popup.hidden = true;
      return;
    }
    replaceChildren(
      popup,
      h('div', { className: 'd-popup-title' }, 'Tandem'),
      shown.map((command, index) =>
        h('div', { className: `d-popup-item${index === highlighted ? ' active' : ''}`, dataset: { command: command.name }, onMousedown: (event) => { event.preventDefault(); open(command); } }, h('span', { className: 'd-popup-name' }, `/${command.name}`), h('span', { className: 'd-popup-description' }, command.description)),
      ),
    );
    popup.hidden = false;
  };

  input.addEventListener('input', update);
  input.addEventListener('blur', () => setTimeout(() => (popup.hidden = true), 100));
  input.addEventListener('keydown', (event) => {
    if (!popup.hidden && shown.length) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        highlighted = (highlighted + (event.key === 'ArrowDown' ? 1 : shown.length - 1)) % shown.length;
        return update();
      }
      if (event.key === 'Tab' || event.key === 'Enter') {
        event.preventDefault();
        const command = shown[highlighted];
        if (command) open(command);
        return;
      }
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      const text = input.value.trim();
      if (!text) return;
      input.value = '';
      update();
      void handlers.onPost(text);
    }
  });

  return {
    element: h('div', { className: 'd-bar' }, popup, form, h('div', { className: 'd-input-box' }, h('span', { className: 'd-plus', 'aria-hidden': 'true' }, '+'), input)),
    /**
     * @param {Command[]} next
     * @param {Directory} nextDirectory
     */
    update(next, nextDirectory) {
      commands = next;
      directory = nextDirectory;
    },
    /** @param {string} text */
    setPlaceholder(text) {
      input.placeholder = text;
    },
    /** @param {boolean} locked */
    setLocked(locked) {
      input.disabled = locked;
    },
  };
}
