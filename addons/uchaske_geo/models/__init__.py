from . import uchaske_district_passport
