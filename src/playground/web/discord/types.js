// @ts-check
// Shapes the playground server sends for the Discord pane (src/playground/discordSnapshot.ts).

/**
 * @typedef {object} EmbedField
 * @property {string} name
 * @property {string} value
 * @property {boolean} [inline]
 */

/**
 * @typedef {object} Embed
 * @property {string} [title]
 * @property {string} [description]
 * @property {string} [url]
 * @property {number} [color]
 * @property {string} [timestamp]
 * @property {EmbedField[]} [fields]
 * @property {{ name: string, icon_url?: string }} [author]
 * @property {{ text: string, icon_url?: string }} [footer]
 * @property {{ url: string }} [thumbnail]
 * @property {{ url: string }} [image]
 */

/**
 * A component: an action row holding buttons (and selects, shown but not played).
 * @typedef {object} Component
 * @property {number} type 1 row, 2 button, 3+ selects
 * @property {Component[]} [components]
 * @property {string} [custom_id]
 * @property {string} [label]
 * @property {number} [style] 1 primary, 2 secondary, 3 success, 4 danger, 5 link
 * @property {string} [url]
 * @property {boolean} [disabled]
 * @property {{ name?: string }} [emoji]
 * @property {string} [placeholder]
 */

/**
 * @typedef {object} DiscordMessage
 * @property {string} id
 * @property {{ id: string, name: string, isBot: boolean, colour: number }} author
 * @property {string} content
 * @property {Embed[]} embeds
 * @property {Component[]} components
 * @property {string} timestamp
 * @property {boolean} edited
 * @property {boolean} ephemeral
 * @property {{ userName: string, name: string } | null} usedCommand
 * @property {'message' | 'thinking' | 'no-answer'} state
 */

/**
 * @typedef {object} CommandOption
 * @property {string} name
 * @property {string} description
 * @property {'string' | 'integer' | 'number' | 'boolean' | 'user' | 'channel' | 'role'} type
 * @property {boolean} required
 * @property {{ name: string, value: string | number }[]} choices
 * @property {number | null} min
 * @property {number | null} max
 */

/**
 * @typedef {object} Command
 * @property {string} name
 * @property {string} description
 * @property {'slash' | 'message'} kind
 * @property {CommandOption[]} options
 * @property {{ name: string, description: string, options: CommandOption[] }[]} subcommands
 */

/**
 * @typedef {object} DiscordChannel
 * @property {string} id
 * @property {string} name
 * @property {string | null} topic
 * @property {boolean} staffOnly
 * @property {boolean} locked
 * @property {number} slowmode
 * @property {DiscordMessage[]} messages
 */

/**
 * @typedef {object} DiscordMember
 * @property {string} id
 * @property {string} name
 * @property {string} username
 * @property {string[]} roleIds
 * @property {number} colour
 * @property {boolean} isBot
 * @property {boolean} isOwner
 * @property {string | null} timedOutUntil
 */

/**
 * @typedef {object} DiscordSnapshot
 * @property {string} me
 * @property {{ key: string, id: string, title: string, name: string }[]} people
 * @property {{ id: string, name: string, roles: { id: string, name: string, colour: number, position: number, hoist: boolean }[], members: DiscordMember[], bans: { id: string, name: string, reason: string | null }[] }} guild
 * @property {DiscordChannel[]} channels
 * @property {DiscordMessage[]} directMessages
 * @property {Command[]} commands
 */

/**
 * @typedef {object} DiscordContext
 * @property {import('./markdown.js').Names} names
 * @property {(message: DiscordMessage, customId: string) => void} onButton
 * @property {(message: DiscordMessage, command: Command) => void} onMessageCommand
 * @property {Command[]} messageCommands
 */

export {};
