// @ts-check
// Shapes the playground server sends for the Slack pane (src/playground/slackSnapshot.ts).

/**
 * One Block Kit object: a block, an element, a text or a rich-text node. Slack's types are
 * many; the renderer reads only these fields, each optional, and checks `type` first.
 * @typedef {object} KitNode
 * @property {string} type
 * @property {string | KitNode} [text]
 * @property {string} [block_id]
 * @property {string} [action_id]
 * @property {string} [value]
 * @property {string} [url]
 * @property {string | { bold?: boolean, italic?: boolean, strike?: boolean, code?: boolean }} [style] a button's look, a list's kind, or a rich text run's styling
 * @property {boolean | Record<string, boolean>} [emoji]
 * @property {KitNode[]} [elements]
 * @property {KitNode[]} [fields]
 * @property {KitNode} [accessory]
 * @property {KitNode} [element]
 * @property {KitNode} [label]
 * @property {KitNode} [hint]
 * @property {KitNode} [title]
 * @property {KitNode} [placeholder]
 * @property {boolean} [optional]
 * @property {boolean} [dispatch_action]
 * @property {KitOption[]} [options]
 * @property {{ label: KitNode, options: KitOption[] }[]} [option_groups]
 * @property {KitOption} [initial_option]
 * @property {KitOption[]} [initial_options]
 * @property {string} [initial_value]
 * @property {string} [initial_date]
 * @property {string} [initial_time]
 * @property {string} [initial_user]
 * @property {string} [initial_channel]
 * @property {string} [initial_conversation]
 * @property {boolean} [multiline]
 * @property {number} [max_length]
 * @property {number} [min_length]
 * @property {boolean} [is_decimal_allowed]
 * @property {string} [image_url]
 * @property {string} [alt_text]
 * @property {ConfirmDialog} [confirm]
 * @property {string} [user_id]
 * @property {string} [channel_id]
 * @property {string} [name]
 * @property {string} [range]
 * @property {number} [indent]
 * @property {number} [timestamp]
 * @property {string} [format]
 * @property {string} [fallback]
 */

/**
 * @typedef {{ text: KitNode, value?: string, description?: KitNode }} KitOption
 * @typedef {{ title: KitNode, text: KitNode, confirm: KitNode, deny: KitNode, style?: string }} ConfirmDialog
 */

/**
 * @typedef {object} MessageView
 * @property {string} ts
 * @property {string} channel
 * @property {{ id: string, name: string, isApp: boolean }} author
 * @property {string} text
 * @property {KitNode[]} blocks
 * @property {boolean} ephemeral
 * @property {boolean} edited
 */

/**
 * @typedef {object} ViewSnapshot
 * @property {string} id
 * @property {'modal' | 'home'} type
 * @property {string} callbackId
 * @property {string | null} title
 * @property {string | null} submit
 * @property {string | null} close
 * @property {KitNode[]} blocks
 * @property {string} hash
 * @property {Record<string, string>} [errors]
 */

/**
 * @typedef {object} SlackCommandInfo
 * @property {string} command
 * @property {string} description
 * @property {string} hint
 * @property {string} example
 */

/**
 * @typedef {object} SlackPerson
 * @property {string} key
 * @property {string} id
 * @property {string} name
 * @property {string} realName
 * @property {string} title
 */

/**
 * @typedef {object} SlackSnapshot
 * @property {{ id: string, name: string }} team
 * @property {string} me
 * @property {{ name: string, botUserId: string }} app
 * @property {SlackPerson[]} people
 * @property {{ id: string, name: string, topic: string, messages: MessageView[] }[]} channels
 * @property {MessageView[]} appMessages
 * @property {(ViewSnapshot & { errors: Record<string, string> }) | null} modal
 * @property {ViewSnapshot | null} home
 * @property {SlackCommandInfo[]} commands
 */

/**
 * What the renderer needs from the pane: names for mentions, and what to do on a click.
 * @typedef {object} RenderContext
 * @property {'message' | 'modal' | 'home'} surface
 * @property {(id: string) => string} userName
 * @property {(id: string) => string} channelName
 * @property {(action: { actionId: string, value?: string, blockId: string }) => void} onAction
 * @property {Record<string, string>} [errors] validation errors by block id (modals)
 */

export {};
