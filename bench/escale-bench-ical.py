# SPDX-License-Identifier: GPL-3.0-or-later
#
# The baseline of bench/escale-bench-ical: Debian's python3-icalendar
# building the calendar of every dated event, with its visits' stops, from
# the rows of an Escale database read with Python's sqlite3, then writing
# it. Same entries, same properties, same zones (parsed from the
# VTIMEZONE text the export wrote) as `escale-cli ics export`.
#
# /usr/bin/python3 escale-bench-ical.py DATABASE OUTPUT ZONES STAMP
# prints the milliseconds spent reading, building and writing.

import datetime
import sqlite3
import sys
import time
from zoneinfo import ZoneInfo

import icalendar

EVENTS = """
SELECT e.id, e.kind, e.status, e.title, e.organizer, e.place_name, e.address, e.latitude, e.longitude,
       e.online_url, e.starts_at, e.ends_at, e.tzid, e.description, e.materials, e.ical_uid, e.ical_sequence,
       e.updated_at, h.name, h.email
  FROM event e
  LEFT JOIN contact h ON h.id = (SELECT c.id FROM event_partner p JOIN contact c ON c.organization_id = p.organization_id
                                  WHERE p.event_id = e.id AND instr (c.email, '@') > 0
                                  ORDER BY p.organization_id, c.id LIMIT 1)
 WHERE e.starts_at > 0
 ORDER BY e.starts_at, e.id
"""

STOPS = """
SELECT kind, title, starts_at, ends_at, place_name, address, latitude, longitude, ical_uid, ical_sequence
  FROM itinerary_stop WHERE event_id = ? ORDER BY position
"""

STATUS = {'cancelled': 'CANCELLED', 'draft': 'TENTATIVE'}
UNSAFE = set(' \t\r\n,;:<>"')


def utc(instant):
    return datetime.datetime.fromtimestamp(instant, datetime.timezone.utc)


def local(instant, zone):
    return datetime.datetime.fromtimestamp(instant, zone).replace(tzinfo=None)


def blank(text):
    return text is None or text.strip() == ''


def clean(text):
    return ''.join(c for c in text.replace('\r\n', '\n').replace('\r', '\n') if c >= ' ' or c in '\n\t')


def place(name, address):
    name = None if blank(name) else name
    address = None if blank(address) else address
    if name is None and address is None:
        return None
    text = f'{name}, {address}' if name and address else (name or address)
    return text.replace('\r', ' ').replace('\n', ' ')


def add_text(entry, name, text):
    if not blank(text):
        entry.add(name, clean(text))


def add_time(entry, name, instant, tzid, zone):
    entry.add(name, local(instant, zone), parameters={'TZID': tzid})


def organizer_of(field, host_name, host_email):
    candidates = []
    if not blank(field) and '@' in field:
        if '<' in field and '>' in field[field.index('<'):]:
            start = field.index('<')
            candidates.append((field[start + 1:field.index('>', start)].strip(), field[:start].strip()))
        else:
            candidates.append((field.strip(), None))
    if host_email is not None:
        candidates.append((host_email.strip(), host_name))
    for address, name in candidates:
        if '@' in address and not UNSAFE.intersection(address):
            organizer = icalendar.vCalAddress('mailto:' + address)
            if not blank(name):
                organizer.params['CN'] = icalendar.vText(clean(name).replace('"', ' ').replace('\n', ' ')
                                                         .replace('\t', ' ').strip())
            return organizer
    return None


def new_entry(uid, sequence, stamp, updated_at, status, starts_at, ends_at, tzid, zone):
    entry = icalendar.Event()
    entry.add('uid', uid)
    entry.add('sequence', sequence)
    entry.add('dtstamp', stamp)
    if updated_at > 0:
        entry.add('last-modified', utc(updated_at))
    entry.add('status', status)
    add_time(entry, 'dtstart', starts_at, tzid, zone)
    if ends_at > starts_at:
        add_time(entry, 'dtend', ends_at, tzid, zone)
    return entry


def main():
    database, output, zones_path, stamp = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    with open(zones_path, 'rb') as f:
        zones_text = f.read()
    start = time.perf_counter()

    connection = sqlite3.connect(database)
    calendar = icalendar.Calendar()
    calendar.add('version', '2.0')
    calendar.add('prodid', '-//Escale//Escale//EN')
    calendar.add('calscale', 'GREGORIAN')
    calendar.add('method', 'PUBLISH')
    wrapper = icalendar.Calendar.from_ical(b'BEGIN:VCALENDAR\r\n' + zones_text + b'END:VCALENDAR\r\n')
    for zone in wrapper.walk('VTIMEZONE'):
        calendar.add_component(zone)

    stamp = utc(stamp)
    zones = {}
    stops_cursor = connection.cursor()
    for (event_id, kind, status, title, organizer, place_name, address, latitude, longitude, url, starts_at,
         ends_at, tzid, description, materials, uid, sequence, updated_at, host_name,
         host_email) in connection.execute(EVENTS):
        zone = zones.get(tzid) or zones.setdefault(tzid, ZoneInfo(tzid))
        status = STATUS.get(status, 'CONFIRMED')
        stops = stops_cursor.execute(STOPS, (event_id,)).fetchall() if kind == 'exploratory-visit' else []

        entry = new_entry(uid, sequence, stamp, updated_at, status, starts_at, ends_at, tzid, zone)
        add_text(entry, 'summary', title)
        add_text(entry, 'location', place(place_name, address))
        if latitude is not None:
            entry.add('geo', (latitude, longitude))
        text = '' if blank(description) else description
        if not blank(materials):
            text += ('\n\n' if text else '') + 'What to bring:\n' + materials
        for stop in stops:
            if stop[0] == 'departure':
                meeting = place(stop[4], stop[5])
                moment = local(stop[2], zone).strftime('%Y-%m-%d %H:%M') if stop[2] > 0 else None
                meeting = f'{moment}, {meeting}' if moment and meeting else (moment or meeting)
                if meeting:
                    text += ('\n\n' if text else '') + 'Meeting point: ' + meeting
                break
        add_text(entry, 'description', text)
        if not blank(url) and not set(' \t\r\n').intersection(url):
            entry.add('url', url)
        organizer = organizer_of(organizer, host_name, host_email)
        if organizer is not None:
            entry.add('organizer', organizer)
        calendar.add_component(entry)

        for (_, stop_title, stop_start, stop_end, stop_place, stop_address, stop_latitude, stop_longitude, stop_uid,
             stop_sequence) in stops:
            if stop_start <= 0:
                continue
            entry = new_entry(stop_uid, stop_sequence, stamp, updated_at, status, stop_start, stop_end, tzid, zone)
            add_text(entry, 'summary', stop_title)
            add_text(entry, 'location', place(stop_place, stop_address))
            if stop_latitude is not None:
                entry.add('geo', (stop_latitude, stop_longitude))
            add_text(entry, 'description', title)
            entry.add('related-to', uid)
            calendar.add_component(entry)

    with open(output, 'wb') as f:
        f.write(calendar.to_ical())
    print(round((time.perf_counter() - start) * 1000))


main()
