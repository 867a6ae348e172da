// @ts-check
import { h, replaceChildren } from '../dom.js';

/**
 * @typedef {import('./types.js').SlackCommandInfo} SlackCommandInfo
 * @typedef {{ element: HTMLElement, setCommands(commands: SlackCommandInfo[]): void, setPlaceholder(text: string): void, focus(): void }} Composer
 */

/**
 * The message box: Enter sends, Shift+Enter breaks the line. Typing "/" lists Tandem's
 * commands (arrows to move, Tab or Enter to pick); after a command, its usage and an
 * example show, and clicking the example fills it in.
 * @param {{ onSend: (text: string) => Promise<void> }} options
 * @returns {Composer}
 */
export function createComposer({ onSend }) {
  /** @type {SlackCommandInfo[]} */
  let commands = [];
  let highlighted = 0;
  /** @type {SlackCommandInfo[]} */
  let shown = [];
  const popup = h('div', { className: 'autocomplete', role: 'listbox', hidden: true, dataset: { testid: 'slack-autocomplete' } });
  const textarea = h('textarea', { className: 'composer-input', rows: 1, dataset: { testid: 'slack-composer' }, 'aria-label': 'Message' });
  const sendButton = h('button', { type: 'button', className: 'composer-send', title: 'Send (Enter)', 'aria-label': 'Send' }, '➤');

  const grow = () => {
    textarea.style.height = 'auto';
    textarea.style.height = `${Math.min(textarea.scrollHeight, 180)}px`;
  };

  const pick = (/** @type {SlackCommandInfo} */ command) => {
    textarea.value = `${command.command} `;
    textarea.focus();
    update();
  };

  const update = () => {
    grow();
    const text = textarea.value;
    const typing = /^\/\S*$/.exec(text);
    if (typing) {
      shown = commands.filter((c) => c.command.startsWith(text));
      highlighted = Math.min(highlighted, Math.max(shown.length - 1, 0));
      if (!shown.length) return hide();
      replaceChildren(
        popup,
        h('div', { className: 'autocomplete-title' }, 'Commands matching ', h('strong', {}, text)),
        shown.map((command, index) =>
          h(
            'div',
            { className: `autocomplete-item${index === highlighted ? ' active' : ''}`, role: 'option', dataset: { command: command.command }, onMousedown: (event) => { event.preventDefault(); pick(command); } },
            h('span', { className: 'ac-name' }, command.command),
            h('span', { className: 'ac-hint' }, command.hint),
            h('span', { className: 'ac-description' }, command.description),
          ),
        ),
      );
      popup.hidden = false;
      return;
    }
    const chosen = /^(\/\S+)\s/.exec(text);
    const command = chosen ? commands.find((c) => c.command === chosen[1]) : undefined;
    if (command && text.trim() === command.command) {
      shown = [];
      replaceChildren(
        popup,
        h('div', { className: 'autocomplete-usage' }, h('strong', {}, command.command), ' ', command.hint),
        h('div', { className: 'autocomplete-description' }, command.description),
        command.example
          ? h('button', { type: 'button', className: 'autocomplete-example', onMousedown: (event) => { event.preventDefault(); textarea.value = command.example; update(); textarea.focus(); } }, 'Try: ', h('code', {}, command.example))
          : null,
      );
      popup.hidden = false;
      return;
    }
    hide();
  };

  const hide = () => {
    popup.hidden = true;
    shown = [];
  };

  const send = async () => {
    const text = textarea.value.trim();
    if (!text) return;
    textarea.value = '';
    hide();
    grow();
    await onSend(text);
  };

  textarea.addEventListener('input', update);
  textarea.addEventListener('blur', () => setTimeout(hide, 100));
  textarea.addEventListener('focus', update);
  textarea.addEventListener('keydown', (event) => {
    if (!popup.hidden && shown.length) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        highlighted = (highlighted + (event.key === 'ArrowDown' ? 1 : shown.length - 1)) % shown.length;
        return update();
      }
      if (event.key === 'Tab' || (event.key === 'Enter' && !event.shiftKey)) {
        event.preventDefault();
        const command = shown[highlighted];
        if (command) pick(command);
        return;
      }
    }
    if (event.key === 'Escape') return hide();
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void send();
    }
  });
  sendButton.addEventListener('click', () => void send());

  return {
    element: h('div', { className: 'composer' }, popup, h('div', { className: 'composer-box' }, textarea, sendButton), h('div', { className: 'composer-tip' }, 'Type ', h('kbd', {}, '/'), ' for Tandem\u2019s commands · ', h('kbd', {}, 'Enter'), ' to send')),
    setCommands(next) {
      commands = next;
    },
    setPlaceholder(text) {
      textarea.placeholder = text;
    },
    focus() {
      textarea.focus();
    },
  };
}
