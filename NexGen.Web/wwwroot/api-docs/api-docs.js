// Renders /openapi/v1.json as a list of operations grouped by tag. Served by the app itself: no CDN, no network.
"use strict";

function element(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    return node;
}

function schemaName(schema) {
    if (!schema) return "";
    if (schema.$ref) return schema.$ref.split("/").pop();
    if (schema.type === "array") return schemaName(schema.items) + "[]";
    return [].concat(schema.type || "object").join(" | ");
}

function operationView(path, method, operation) {
    const details = element("details", {},
        element("summary", {}, element("span", { class: "method " + method }, method), element("code", {}, path), " ", operation.summary || ""));
    if (operation.description) details.append(element("p", {}, operation.description));
    const parameters = operation.parameters || [];
    if (parameters.length) {
        const table = element("table", {}, element("tr", {}, element("th", {}, "parameter"), element("th", {}, "in"), element("th", {}, "type")));
        for (const p of parameters) table.append(element("tr", {}, element("td", {}, p.name), element("td", {}, p.in), element("td", {}, schemaName(p.schema))));
        details.append(table);
    }
    if (operation.requestBody) {
        details.append(element("p", {}, "Body: " + Object.keys(operation.requestBody.content || {}).join(", ")));
    }
    const responses = element("table", {}, element("tr", {}, element("th", {}, "status"), element("th", {}, "content")));
    for (const [status, response] of Object.entries(operation.responses || {})) {
        const content = Object.entries(response.content || {}).map(([type, body]) => type + " " + schemaName(body.schema)).join(", ");
        responses.append(element("tr", {}, element("td", {}, status), element("td", {}, content || response.description || "")));
    }
    details.append(responses);
    return details;
}

async function render() {
    const target = document.getElementById("operations");
    const response = await fetch("/openapi/v1.json");
    if (!response.ok) {
        target.textContent = "Could not load /openapi/v1.json (" + response.status + ").";
        return;
    }
    const document_ = await response.json();
    document.getElementById("version").textContent = document_.info?.version || "";
    const byTag = new Map();
    for (const [path, item] of Object.entries(document_.paths || {})) {
        for (const [method, operation] of Object.entries(item)) {
            if (!["get", "post", "put", "delete", "patch"].includes(method)) continue;
            const tag = (operation.tags || ["Other"])[0];
            if (!byTag.has(tag)) byTag.set(tag, []);
            byTag.get(tag).push(operationView(path, method, operation));
        }
    }
    target.replaceChildren();
    for (const [tag, operations] of byTag) target.append(element("h2", {}, tag), ...operations);
}

render();
