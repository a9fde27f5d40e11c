#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# An independent reading of an .ics file written by escale-cli, with
# Debian's python3-icalendar (so run it with /usr/bin/python3). It checks
# the line structure itself (CRLF, folding at 75 octets without splitting a
# UTF-8 character, one VTIMEZONE per TZID used), then prints what a calendar
# application would see as JSON, for test-cli-ics.c to compare with the
# database: the method, the zones, and each entry's UID, SEQUENCE, STATUS,
# SUMMARY, TZID and UTC instants, and for a recurring entry its RRULE, its
# EXDATEs and an override's RECURRENCE-ID as UTC instants.

import datetime
import json
import sys

import icalendar


def fail(message):
    print('check-ics: ' + message, file=sys.stderr)
    sys.exit(1)


def check_lines(data):
    if not data.endswith(b'\r\n'):
        fail('the file does not end with CRLF')
    lines = data[:-2].split(b'\r\n')
    for number, line in enumerate(lines, 1):
        if b'\r' in line or b'\n' in line:
            fail('line %d has a bare CR or LF' % number)
        if len(line) > 75:
            fail('line %d is %d octets long' % (number, len(line)))
        try:
            line.decode('utf-8')
        except UnicodeDecodeError:
            fail('line %d splits a UTF-8 character' % number)


def utc(value):
    if not isinstance(value, datetime.datetime) or value.tzinfo is None:
        fail('a time is floating or a date: %r' % (value,))
    return int(value.astimezone(datetime.timezone.utc).timestamp())


def main():
    with open(sys.argv[1], 'rb') as ics:
        data = ics.read()
    check_lines(data)

    calendar = icalendar.Calendar.from_ical(data.decode('utf-8'))
    zones = [str(zone['TZID']) for zone in calendar.walk('VTIMEZONE')]
    if len(zones) != len(set(zones)):
        fail('a VTIMEZONE is repeated: %s' % zones)

    entries = []
    for event in calendar.walk('VEVENT'):
        start = event['DTSTART']
        tzid = start.params.get('TZID')
        if tzid is not None and tzid not in zones:
            fail('%s has no VTIMEZONE' % tzid)
        entry = {
            'uid': str(event['UID']),
            'sequence': int(event['SEQUENCE']),
            'status': str(event['STATUS']),
            'summary': str(event['SUMMARY']),
            'tzid': tzid,
            'start': utc(start.dt),
        }
        if 'DTEND' in event:
            entry['end'] = utc(event['DTEND'].dt)
        if 'RRULE' in event:
            entry['rrule'] = event['RRULE'].to_ical().decode('utf-8')
        if 'EXDATE' in event:
            exdates = event['EXDATE']
            if not isinstance(exdates, list):
                exdates = [exdates]
            entry['exdates'] = sorted(utc(date.dt) for dates in exdates for date in dates.dts)
        if 'RECURRENCE-ID' in event:
            recurrence = event['RECURRENCE-ID']
            if recurrence.params.get('TZID') not in zones:
                fail('a RECURRENCE-ID has no VTIMEZONE')
            entry['recurrence_id'] = utc(recurrence.dt)
        entries.append(entry)

    json.dump({'method': str(calendar['METHOD']), 'zones': sorted(zones), 'entries': entries},
              sys.stdout, ensure_ascii=False, indent=1)
    print()


main()
