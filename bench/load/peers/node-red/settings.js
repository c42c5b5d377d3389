// Node-RED settings for the bench/load peer: one flow (flows.json) that answers
// POST /bench, listening on loopback only, with the editor, admin API, telemetry
// and module installs off so that nothing but the flow uses the CPU.
// start.sh passes these with --settings and a git-ignored --userDir.
module.exports = {
    uiHost: "127.0.0.1",
    uiPort: Number(process.env.NODE_RED_PORT || 1880),

    // start.sh copies flows.json into the runtime userDir, so Node-RED never
    // rewrites (or makes backups of) the committed file.
    flowFile: "flows.json",
    flowFilePretty: true,
    // The flow has no credentials; nothing to encrypt.
    credentialSecret: false,

    // false turns off both the editor and the admin HTTP API: the peer is only a
    // webhook endpoint here, as our service is.
    httpAdminRoot: false,
    httpNodeRoot: "/",

    // The function node loads node's built-in crypto through its libs property.
    functionExternalModules: true,
    externalModules: {
        autoInstall: false,
        palette: { allowInstall: false, allowUpdate: false, allowUpload: false },
        modules: { allowInstall: false },
    },

    diagnostics: { enabled: false, ui: false },
    runtimeState: { enabled: false, ui: false },
    telemetry: { enabled: false, updateNotification: false },

    // Quiet: a log line per request would cost more than the flow itself.
    logging: {
        console: { level: process.env.NODE_RED_LOG_LEVEL || "warn", metrics: false, audit: false },
    },
};
