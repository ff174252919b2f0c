// Every text the console shows, one block per language. The language is the user's choice (kept in this
// browser), else the browser's own when it prefers Spanish.

export const STRINGS = {
  en: {
    skip: "Skip to the day", loading: "Loading…", console: "Reserva console",
    signInTitle: "Sign in to the console", email: "Email", password: "Password", signIn: "Sign in",
    signingIn: "Signing in…", badCredentials: "The email or the password is wrong.",
    throttled: "Too many failed sign-ins. Wait a few minutes and try again.",
    sessionEnded: "Your session ended. Sign in again to go back to where you were.",
    organization: "Organization", signedInAs: "{name} ({role})", signOut: "Sign out", settings: "Settings",
    language: "Language", role_admin: "admin", role_staff: "staff", role_read_only: "read only",
    previousDay: "Previous day", nextDay: "Next day", today: "Today", pickDate: "Date",
    view: "Layout", list: "List", timeline: "Timeline",
    newReservation: "New reservation", walkIn: "Walk-in",
    summary: "The day in numbers", booked: "Booked", seated: "Seated", toCome: "Still to come",
    noShows: "No-shows", cancellations: "Cancellations", completed: "Completed",
    parties: "{n} parties", party1: "1 party", covers: "{n} covers", cover1: "1 cover",
    search: "Search guests, notes, tags", statusFilter: "Status", sourceFilter: "Source", all: "All",
    time: "Time", guest: "Guest", partySize: "People", service: "Service", resources: "Resources",
    status: "Status", source: "Source", notes: "Notes", tags: "Tags", actions: "Actions",
    noReservations: "No reservations on this day.", noMatches: "No reservation matches the filters.",
    walkInGuest: "Walk-in", noName: "(no name)", unassigned: "Unassigned",
    coversPer15: "Covers starting", closed: "Closed", override: "Staff override",
    fromDayBefore: "from the day before", pacingLabel: "{service}: max {max} per {minutes} min",
    pacingCell: "{time}: {n} covers starting, at most {max} per {minutes} minutes", pacingOver: "over the limit",
    status_held: "Held", status_pending: "Pending", status_confirmed: "Confirmed", status_seated: "Seated",
    status_completed: "Completed", status_cancelled: "Cancelled", status_no_show: "No-show", status_expired: "Expired",
    source_manual: "Staff", source_api: "API", source_booking_page: "Booking page", source_ai_assistant: "AI assistant",
    source_google: "Google", source_walk_in: "Walk-in", source_waitlist: "Waitlist",
    badge_manual: "S", badge_api: "API", badge_booking_page: "W", badge_ai_assistant: "AI", badge_google: "G",
    badge_walk_in: "WI", badge_waitlist: "WL",
    to_confirmed: "Confirm", to_seated: "Seat", to_completed: "Complete", to_no_show: "No-show", to_cancelled: "Cancel",
    done_confirmed: "{guest} confirmed.", done_seated: "{guest} seated.", done_completed: "{guest} completed.",
    done_no_show: "{guest} marked as no-show.", done_cancelled: "{guest} cancelled.",
    undo: "Undo", undone: "Undone: {guest} is {status} again.", pendingChange: "Saving in a moment…",
    close: "Close", save: "Save", cancel: "Cancel", edit: "Edit", move: "Move", guestCard: "Guest card",
    reservation: "Reservation", code: "Code", when: "When", phone: "Phone", customerNotes: "Guest's notes",
    internalNotes: "Staff notes", tagsHint: "Comma separated", cancelReason: "Reason for cancelling",
    confirmCancel: "Cancel reservation",
    date: "Date", startTime: "Start", resource: "Table or resource", anyResource: "Any that fits",
    findTimes: "Find times", freeTimes: "Free times", noFreeTimes: "No free times for this party on this day.",
    useOverride: "Book at a time of my choosing (staff override)", overrideTime: "Time (staff override)",
    firstName: "First name", lastName: "Last name", optional: "optional", book: "Book",
    booked_ok: "Booked {guest} at {time}.", saved: "Saved.", moved: "{guest} moved to {time}.",
    seatNow: "Seat now", walkInTable: "Table", walkInSeated: "Walk-in of {n} seated at {table}.",
    noTable: "No table is free right now.",
    stale: "Someone else changed this day; it has been redrawn.", conflict: "That did not work: {reason}",
    forbidden: "Your role may not do that.", generic: "Something went wrong. Please try again.",
    notFound: "This reservation no longer exists; the day has been redrawn.",
    fixErrors: "Please correct the fields marked.",
    visits: "Visits", noShowCount: "No-shows", cancellationCount: "Cancellations", lastVisit: "Last visit",
    past: "Past reservations", upcoming: "Upcoming reservations", none: "None",
    dragHint: "Drag a reservation to another time or table, or open it and choose Move.",
    timelineLabel: "Timeline of {date}: resources against time",
    live: "Live", offline: "Updates paused",
    moveTitle: "Move {guest}", requiredField: "Please fill this in.",
    readOnly: "Read only: you can see the day but not change it.",
    guestOf: "{guest}, {n} people",
    type_table: "Tables", type_person: "People", type_room: "Rooms", type_equipment: "Equipment",
    requiredHint: "Fields marked * are required.",
    suggestedTable: "Suggested: {table}", suggestedOption: "{table} (suggested)",
    tableNotHeld: "{table} was no longer free; the booking holds {held}.",
    yes: "Yes", no: "No", whoseColumns: "Whose columns", myColumn: "My column", everyone: "Everyone",
    wlTitle: "Waitlist", wlAdd: "Add to the line", wlAddSave: "Add to the line",
    wlNow: "In line now ({n})", wlLater: "Waiting for a later start ({n})",
    wlNowEmpty: "Nobody is waiting in line.", wlLaterEmpty: "Nobody is waiting for a later start of this day.",
    wlMore: "More entries than shown: the first 50 are listed.", wlLoadFailed: "The waitlist could not be read.",
    wlDragHint: "Drag a party onto a table on the timeline to seat it, or choose Seat.",
    wlPosition: "Place {n} in line", wlQuoteRange: "Quoted {from}–{to}", wlQuoteStaff: "Quoted {from}–{to} (staff)",
    wlNoQuote: "No quote", wlIn: "in {n} min", wlDue: "due now", wlOver: "{n} min over the quote",
    wlCalledAt: "Called at {time}: table ready", wlOfferHeld: "Offered {time}, held until {until}",
    wlCheckedIn: "Checked in", wlWindow: "Wants {from}–{to}",
    wlOffer: "Offer", wlOfferWho: "Offer {guest} their table", wlOffered: "{guest} was told the table is ready.",
    wlUnoffer: "Take back", wlUnofferWho: "Take back the offer to {guest}", wlUnoffered: "{guest} is waiting again.",
    wlSeatWho: "Seat {guest}", wlSeated: "{guest} seated.", wlAnyTable: "Any free table that fits",
    wlQuote: "Quote", wlQuoteWho: "Quote for {guest}", wlQuoteFrom: "From", wlQuoteTo: "Until",
    wlQuoteHelp: "Times today. The estimate is replaced until you hand it back.", wlQuoteReset: "Back to the estimate",
    wlRemove: "Remove", wlRemoveWho: "Remove {guest} from the waitlist", wlKeep: "Keep",
    wlRemoveText: "{guest} leaves the list, declined by the venue.", wlRemoved: "{guest} removed from the waitlist.",
    wlPhoneHint: "To call or text the party when the table is ready.", wlAdded: "A party of {n} joined the line, place {position}."
  },
  es: {
    skip: "Ir al día", loading: "Cargando…", console: "Consola de Reserva",
    signInTitle: "Entrar en la consola", email: "Correo electrónico", password: "Contraseña", signIn: "Entrar",
    signingIn: "Entrando…", badCredentials: "El correo o la contraseña no son correctos.",
    throttled: "Demasiados intentos fallidos. Espera unos minutos y vuelve a intentarlo.",
    sessionEnded: "Tu sesión ha terminado. Vuelve a entrar para seguir donde estabas.",
    organization: "Organización", signedInAs: "{name} ({role})", signOut: "Salir", settings: "Ajustes",
    language: "Idioma", role_admin: "administración", role_staff: "personal", role_read_only: "solo lectura",
    previousDay: "Día anterior", nextDay: "Día siguiente", today: "Hoy", pickDate: "Fecha",
    view: "Vista", list: "Lista", timeline: "Cronograma",
    newReservation: "Nueva reserva", walkIn: "Sin reserva",
    summary: "El día en cifras", booked: "Reservadas", seated: "Sentadas", toCome: "Por llegar",
    noShows: "No presentadas", cancellations: "Canceladas", completed: "Terminadas",
    parties: "{n} grupos", party1: "1 grupo", covers: "{n} comensales", cover1: "1 comensal",
    search: "Buscar clientes, notas, etiquetas", statusFilter: "Estado", sourceFilter: "Origen", all: "Todos",
    time: "Hora", guest: "Cliente", partySize: "Personas", service: "Servicio", resources: "Recursos",
    status: "Estado", source: "Origen", notes: "Notas", tags: "Etiquetas", actions: "Acciones",
    noReservations: "No hay reservas este día.", noMatches: "Ninguna reserva coincide con los filtros.",
    walkInGuest: "Sin reserva", noName: "(sin nombre)", unassigned: "Sin asignar",
    coversPer15: "Comensales que llegan", closed: "Cerrado", override: "Excepción del personal",
    fromDayBefore: "desde el día anterior", pacingLabel: "{service}: máx. {max} cada {minutes} min",
    pacingCell: "{time}: llegan {n} comensales, como mucho {max} cada {minutes} minutos", pacingOver: "por encima del límite",
    status_held: "Retenida", status_pending: "Pendiente", status_confirmed: "Confirmada", status_seated: "Sentada",
    status_completed: "Terminada", status_cancelled: "Cancelada", status_no_show: "No presentada", status_expired: "Caducada",
    source_manual: "Personal", source_api: "API", source_booking_page: "Página de reservas", source_ai_assistant: "Asistente IA",
    source_google: "Google", source_walk_in: "Sin reserva", source_waitlist: "Lista de espera",
    badge_manual: "P", badge_api: "API", badge_booking_page: "W", badge_ai_assistant: "IA", badge_google: "G",
    badge_walk_in: "SR", badge_waitlist: "LE",
    to_confirmed: "Confirmar", to_seated: "Sentar", to_completed: "Terminar", to_no_show: "No presentada", to_cancelled: "Cancelar",
    done_confirmed: "{guest}: confirmada.", done_seated: "{guest}: sentada.", done_completed: "{guest}: terminada.",
    done_no_show: "{guest}: no presentada.", done_cancelled: "{guest}: cancelada.",
    undo: "Deshacer", undone: "Deshecho: {guest} vuelve a estar {status}.", pendingChange: "Se guarda en un momento…",
    close: "Cerrar", save: "Guardar", cancel: "Cancelar", edit: "Editar", move: "Mover", guestCard: "Ficha del cliente",
    reservation: "Reserva", code: "Código", when: "Cuándo", phone: "Teléfono", customerNotes: "Notas del cliente",
    internalNotes: "Notas del personal", tagsHint: "Separadas por comas", cancelReason: "Motivo de la cancelación",
    confirmCancel: "Cancelar la reserva",
    date: "Fecha", startTime: "Hora", resource: "Mesa o recurso", anyResource: "Cualquiera que encaje",
    findTimes: "Buscar horas", freeTimes: "Horas libres", noFreeTimes: "No hay horas libres para este grupo este día.",
    useOverride: "Reservar a la hora que yo elija (excepción del personal)", overrideTime: "Hora (excepción del personal)",
    firstName: "Nombre", lastName: "Apellidos", optional: "opcional", book: "Reservar",
    booked_ok: "Reserva de {guest} a las {time}.", saved: "Guardado.", moved: "{guest}: movida a las {time}.",
    seatNow: "Sentar ahora", walkInTable: "Mesa", walkInSeated: "Grupo de {n} sin reserva sentado en {table}.",
    noTable: "Ahora no hay ninguna mesa libre.",
    stale: "Alguien ha cambiado este día; se ha vuelto a dibujar.", conflict: "No ha sido posible: {reason}",
    forbidden: "Tu rol no permite hacer eso.", generic: "Algo ha fallado. Inténtalo de nuevo.",
    notFound: "Esta reserva ya no existe; se ha vuelto a dibujar el día.",
    fixErrors: "Corrige los campos marcados.",
    visits: "Visitas", noShowCount: "No presentadas", cancellationCount: "Cancelaciones", lastVisit: "Última visita",
    past: "Reservas pasadas", upcoming: "Próximas reservas", none: "Ninguna",
    dragHint: "Arrastra una reserva a otra hora o mesa, o ábrela y elige Mover.",
    timelineLabel: "Cronograma del {date}: recursos frente al tiempo",
    live: "En directo", offline: "Actualizaciones en pausa",
    moveTitle: "Mover a {guest}", requiredField: "Rellena este campo.",
    readOnly: "Solo lectura: puedes ver el día pero no cambiarlo.",
    guestOf: "{guest}, {n} personas",
    type_table: "Mesas", type_person: "Personas", type_room: "Salas", type_equipment: "Equipos",
    requiredHint: "Los campos marcados con * son obligatorios.",
    suggestedTable: "Sugerencia: {table}", suggestedOption: "{table} (sugerencia)",
    tableNotHeld: "{table} ya no estaba libre; la reserva ocupa {held}.",
    yes: "Sí", no: "No", whoseColumns: "Qué columnas", myColumn: "Mi columna", everyone: "Todos",
    wlTitle: "Lista de espera", wlAdd: "Añadir a la cola", wlAddSave: "Añadir a la cola",
    wlNow: "En la cola ahora ({n})", wlLater: "Esperan una hora más tarde ({n})",
    wlNowEmpty: "No hay nadie en la cola.", wlLaterEmpty: "Nadie espera una hora más tarde en este día.",
    wlMore: "Hay más entradas: se muestran las 50 primeras.", wlLoadFailed: "No se pudo leer la lista de espera.",
    wlDragHint: "Arrastra un grupo a una mesa de la línea de tiempo para sentarlo, o elige Sentar.",
    wlPosition: "Puesto {n} en la cola", wlQuoteRange: "Estimado {from}–{to}", wlQuoteStaff: "Estimado {from}–{to} (personal)",
    wlNoQuote: "Sin estimación", wlIn: "en {n} min", wlDue: "toca ahora", wlOver: "{n} min más de lo estimado",
    wlCalledAt: "Avisado a las {time}: mesa lista", wlOfferHeld: "Ofrecido {time}, guardado hasta {until}",
    wlCheckedIn: "Ha llegado", wlWindow: "Quiere {from}–{to}",
    wlOffer: "Ofrecer", wlOfferWho: "Ofrecer su mesa a {guest}", wlOffered: "Se ha avisado a {guest} de que su mesa está lista.",
    wlUnoffer: "Retirar", wlUnofferWho: "Retirar la oferta a {guest}", wlUnoffered: "{guest} vuelve a esperar.",
    wlSeatWho: "Sentar a {guest}", wlSeated: "{guest} sentado.", wlAnyTable: "Cualquier mesa libre adecuada",
    wlQuote: "Estimación", wlQuoteWho: "Estimación para {guest}", wlQuoteFrom: "Desde", wlQuoteTo: "Hasta",
    wlQuoteHelp: "Horas de hoy. Sustituye a la estimación hasta que la devuelvas.", wlQuoteReset: "Volver a la estimación",
    wlRemove: "Quitar", wlRemoveWho: "Quitar a {guest} de la lista de espera", wlKeep: "Mantener",
    wlRemoveText: "{guest} sale de la lista, rechazado por el local.", wlRemoved: "{guest} quitado de la lista de espera.",
    wlPhoneHint: "Para llamar o escribir al grupo cuando su mesa esté lista.", wlAdded: "Un grupo de {n} se ha unido a la cola, puesto {position}."
  }
};

const KEY = "reserva-console-lang";

export function language() {
  let stored = null;
  try { stored = window.localStorage.getItem(KEY); } catch (e) { stored = null; }
  if (stored === "en" || stored === "es") { return stored; }
  return (navigator.language || "en").toLowerCase().startsWith("es") ? "es" : "en";
}

export function setLanguage(lang) {
  try { window.localStorage.setItem(KEY, lang); } catch (e) { /* private mode: the choice lasts this page */ }
  document.documentElement.lang = lang;
}

/** The text for a key in the current language, with {placeholders} filled in. */
export function t(key, vars) {
  const table = STRINGS[language()] || STRINGS.en;
  let text = table[key] !== undefined ? table[key] : STRINGS.en[key];
  if (text === undefined) { text = key; }
  if (vars) {
    Object.keys(vars).forEach(function (name) { text = text.split("{" + name + "}").join(String(vars[name])); });
  }
  return text;
}

export function parties(n) { return n === 1 ? t("party1") : t("parties", { n: n }); }
export function covers(n) { return n === 1 ? t("cover1") : t("covers", { n: n }); }
