// @ts-check
/* global document */
import { h, initialsOf } from '../dom.js';
import { renderDiscordMarkdown } from './markdown.js';

/**
 * @typedef {import('./types.js').DiscordMessage} DiscordMessage
 * @typedef {import('./types.js').DiscordContext} DiscordContext
 * @typedef {import('./types.js').Embed} Embed
 * @typedef {import('./types.js').Component} Component
 */

/** @param {number} colour */
export function cssColour(colour) {
  return colour ? `#${colour.toString(16).padStart(6, '0')}` : '';
}

/** @param {string} iso */
function timeOf(iso) {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/**
 * @param {Embed} embed
 * @param {DiscordContext} ctx
 */
function renderEmbed(embed, ctx) {
  const fields = embed.fields ?? [];
  return h(
    'div',
    { className: 'd-embed', style: `border-left-color: ${cssColour(embed.color ?? 0) || '#1e1f22'}`, dataset: { testid: 'discord-embed' } },
    h(
      'div',
      { className: 'd-embed-main' },
      embed.author ? h('div', { className: 'd-embed-author' }, embed.author.name) : null,
      embed.title ? h('div', { className: 'd-embed-title' }, embed.url ? h('a', { href: embed.url, target: '_blank', rel: 'noreferrer noopener' }, embed.title) : renderDiscordMarkdown(embed.title, ctx.names)) : null,
      embed.description ? h('div', { className: 'd-embed-description' }, renderDiscordMarkdown(embed.description, ctx.names)) : null,
      fields.length
        ? h('div', { className: 'd-embed-fields' }, fields.map((field) => h('div', { className: `d-embed-field${field.inline ? ' inline' : ''}` }, h('div', { className: 'd-field-name' }, renderDiscordMarkdown(field.name, ctx.names)), h('div', { className: 'd-field-value' }, renderDiscordMarkdown(field.value, ctx.names)))))
        : null,
      embed.footer || embed.timestamp
        ? h('div', { className: 'd-embed-footer' }, embed.footer?.text ?? '', embed.footer && embed.timestamp ? ' • ' : '', embed.timestamp ? new Date(embed.timestamp).toLocaleString([], { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }) : '')
        : null,
    ),
    embed.thumbnail ? h('div', { className: 'd-embed-thumb' }, '🖼') : null,
  );
}

const buttonStyles = /** @type {Record<number, string>} */ ({ 1: 'primary', 2: 'secondary', 3: 'success', 4: 'danger', 5: 'link' });

/**
 * @param {DiscordMessage} message
 * @param {Component} row
 * @param {DiscordContext} ctx
 */
function renderRow(message, row, ctx) {
  return h(
    'div',
    { className: 'd-row' },
    (row.components ?? []).map((component) => {
      if (component.type !== 2) return h('span', { className: 'd-unsupported' }, component.placeholder ?? 'Select menu');
      const label = [component.emoji?.name ?? '', component.label ?? ''].filter(Boolean).join(' ');
      if (component.style === 5) return h('a', { className: 'd-button link', href: component.url ?? '#', target: '_blank', rel: 'noreferrer noopener' }, label, ' ↗');
      return h(
        'button',
        {
          type: 'button',
          className: `d-button ${buttonStyles[component.style ?? 2] ?? 'secondary'}`,
          disabled: Boolean(component.disabled) || message.ephemeral,
          title: message.ephemeral ? 'Buttons on ephemeral replies are not played by the stand-in' : undefined,
          dataset: { customId: component.custom_id ?? '' },
          onClick: () => ctx.onButton(message, component.custom_id ?? ''),
        },
        label,
      );
    }),
  );
}

/**
 * The "Apps" menu of a message: its context-menu commands.
 * @param {DiscordMessage} message
 * @param {DiscordContext} ctx
 */
function renderAppsMenu(message, ctx) {
  if (!ctx.messageCommands.length || message.ephemeral || message.state !== 'message') return null;
  const menu = h('div', { className: 'd-apps-menu', hidden: true, role: 'menu' }, h('div', { className: 'd-apps-title' }, 'Apps'), ctx.messageCommands.map((command) => h('button', { type: 'button', role: 'menuitem', className: 'd-apps-item', dataset: { command: command.name }, onClick: () => { menu.hidden = true; ctx.onMessageCommand(message, command); } }, h('span', { className: 'd-app-icon' }, 'T'), command.name)));
  const toggle = h('button', { type: 'button', className: 'd-apps-toggle', title: 'Apps', 'aria-label': 'Apps', dataset: { testid: 'discord-apps' } }, '⋯');
  toggle.addEventListener('click', (event) => {
    event.stopPropagation();
    for (const open of document.querySelectorAll('.d-apps-menu:not([hidden])')) if (open !== menu) /** @type {HTMLElement} */ (open).hidden = true;
    menu.hidden = !menu.hidden;
  });
  return h('div', { className: 'd-apps' }, toggle, menu);
}

/**
 * One message as Discord draws it: avatar, name in the top role's colour, BOT tag,
 * content, embeds, buttons; ephemeral replies say only you can see them.
 * @param {DiscordMessage} message
 * @param {DiscordContext} ctx
 */
export function renderDiscordMessage(message, ctx) {
  const colour = cssColour(message.author.colour);
  const avatar = message.author.isBot
    ? h('div', { className: 'd-avatar bot' }, 'T')
    : h('div', { className: 'd-avatar', style: `background:${colour || '#5865f2'}` }, initialsOf(message.author.name));
  const body =
    message.state === 'thinking'
      ? h('div', { className: 'd-thinking' }, h('span', { className: 'dots' }, '•••'), ' Tandem is thinking…')
      : message.state === 'no-answer'
        ? h('div', { className: 'd-failed' }, '⚠ The application did not respond')
        : h(
            'div',
            { className: 'd-content' },
            message.content ? renderDiscordMarkdown(message.content, ctx.names) : null,
            message.edited ? h('span', { className: 'd-edited' }, ' (edited)') : null,
            message.embeds.map((embed) => renderEmbed(embed, ctx)),
            message.components.map((row) => renderRow(message, row, ctx)),
          );
  return h(
    'article',
    { className: `d-message${message.ephemeral ? ' ephemeral' : ''}`, dataset: { testid: 'discord-message', id: message.id, author: message.author.name } },
    message.usedCommand ? h('div', { className: 'd-used' }, h('span', { className: 'd-used-line' }), h('strong', {}, message.usedCommand.userName), ' used ', h('span', { className: 'd-used-command' }, `/${message.usedCommand.name}`)) : null,
    h(
      'div',
      { className: 'd-message-row' },
      avatar,
      h(
        'div',
        { className: 'd-message-body' },
        h('div', { className: 'd-head' }, h('span', { className: 'd-author', style: colour ? `color:${colour}` : '' }, message.author.name), message.author.isBot ? h('span', { className: 'd-bot-tag' }, '✓ APP') : null, h('time', {}, timeOf(message.timestamp))),
        body,
        message.ephemeral ? h('div', { className: 'd-ephemeral-note' }, '👁 Only you can see this') : null,
      ),
      renderAppsMenu(message, ctx),
    ),
  );
}
